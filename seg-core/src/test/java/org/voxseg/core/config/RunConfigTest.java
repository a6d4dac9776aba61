package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {

    @TempDir
    Path dir;

    @Test
    void aRelativePretrainedRunIsFoundBesideTheConfigNotInTheWorkingDirectory() throws IOException {
        Path config = Files.createDirectories(dir.resolve("configs")).resolve("finetune.json");
        Files.writeString(config, "{\"training\": {\"pretrained\": \"../runs/base\"}}");

        RunConfig read = RunConfig.read(config);

        assertEquals(dir.resolve("runs/base").toAbsolutePath().toString(), read.training().pretrained());
    }

    @Test
    void anAbsolutePretrainedRunStaysAsItIs() throws IOException {
        Path config = dir.resolve("config.json");
        Path base = dir.resolve("elsewhere/base").toAbsolutePath();
        Files.writeString(config, "{\"training\": {\"pretrained\": \"" + base.toString().replace("\\", "\\\\")
                + "\"}}");

        assertEquals(base.toString(), RunConfig.read(config).training().pretrained());
    }

    @Test
    void preprocessingWorkersAreReadAndMayChangeOnResume() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"dataset\": {\"preprocessing_workers\": 3}}");
        RunConfig read = RunConfig.read(config);
        RunConfig other = read.withDataset(read.dataset().withPreprocessingWorkers(1));

        assertEquals(3, read.dataset().preprocessingWorkers());
        assertEquals(0, RunConfig.builder().build().dataset().preprocessingWorkers(), "0: the default");
        assertEquals(List.of(), ConfigChanges.refused(read, other));
        assertEquals(1, ConfigJson.parse(ConfigJson.text(other), RunConfig.class).dataset().preprocessingWorkers(),
                "written as dataset.preprocessing_workers and read back");
    }
}
