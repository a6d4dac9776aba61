package org.voxseg.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/**
 * Config mistakes stop {@code voxseg train} when the config is read: before any case file is opened and before
 * anything is written. The dataset here has a corrupt case, so reading it would fail with another message.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corruptDataset() throws IOException {
        Path caseFolder = Files.createDirectories(dir.resolve("train/BraTS20_Bad_001"));
        for (String part : new String[] {"flair", "t1", "t1ce", "t2", "seg"}) {
            Files.writeString(caseFolder.resolve("BraTS20_Bad_001_" + part + ".nii.gz"), "not a NIfTI file");
        }
    }

    private CommandRun train(String sections) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"dataset\": {\"brats_root\": \"train\"}, " + sections + "}");
        return CommandRun.of("train", "--config", config.toString(), "--output-dir", dir.resolve("run").toString());
    }

    @Test
    void aMisspeltOptimizerFailsBeforeAnyCaseIsRead() throws IOException {
        CommandRun run = train("\"optimizer\": {\"name\": \"adamm\"}");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("config.json: 'optimizer.name': unknown optimizer 'adamm'"), run.err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing is written");
    }

    @Test
    void aKeyOfAnotherScheduleFailsBeforeAnyCaseIsRead() throws IOException {
        CommandRun run = train("\"scheduler\": {\"name\": \"warmup_cosine\", \"patience\": 5}");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown key 'patience' in 'scheduler'"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing is written");
    }
}
