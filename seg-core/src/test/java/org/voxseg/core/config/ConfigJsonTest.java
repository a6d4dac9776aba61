package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.variant.Spelling;
import org.voxseg.core.schedule.ScheduleConfig;

class ConfigJsonTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyConfigTakesTheDocumentedDefaults() throws IOException {
        RunConfig config = read("{}");

        assertEquals(List.of("flair", "t1", "t1ce", "t2"), config.dataset().channels());
        assertEquals(List.of("WT", "TC", "ET"), config.dataset().regionNames());
        assertEquals(4, config.model().inChannels());
        assertEquals(3, config.model().outChannels());
        assertEquals("adam", config.optimizer().name());
        assertEquals(2, config.training().batchSize());
        assertEquals(5, config.crossValidation().nFolds());
        assertEquals(List.of(128, 128, 128), List.of(config.prediction().roi().x(), config.prediction().roi().y(),
                config.prediction().roi().z()), "the window defaults to the patch");
    }

    @Test
    void theResolvedConfigReadsBackToTheSameText() throws IOException {
        RunConfig config = read("""
                {"optimizer": {"name": "sgd", "lr": 0.01, "momentum": 0.99, "nesterov": true,
                               "param_groups": [{"match": "encoder.*", "lr": 0.001}]},
                 "scheduler": {"name": "cosine_restarts", "t_0": 5, "t_mult": 2, "step": "iteration"},
                 "dataset": {"brats_root": "data", "preprocessing": {"target_spacing": [1, 1, 1.5]}},
                 "training": {"patch_size": [64, 64, 48], "freeze": "encoder.*", "freeze_epochs": 2}}
                """);
        Path written = dir.resolve("resolved.json");
        ConfigJson.write(written, config);

        RunConfig again = RunConfig.read(written);

        assertEquals(ConfigJson.text(config), ConfigJson.text(again));
        assertEquals(dir.resolve("data").toString(), again.dataset().bratsRoot(), "paths resolved once");
        assertEquals(5, ((ScheduleConfig.CosineRestarts) again.scheduler()).firstPeriod());
        assertEquals(0.001, again.optimizer().parameterGroups().get(0).learningRate());
    }

    @Test
    void aConfigWrittenBeforeThePredictionSectionWasRenamedReadsItsInferenceSection() throws IOException {
        RunConfig old = read("{\"inference\": {\"overlap\": 0.7, \"tta\": true}}");
        RunConfig renamed = read("{\"prediction\": {\"overlap\": 0.7, \"tta\": true}}");

        assertEquals(0.7, old.prediction().overlap());
        assertEquals(ConfigJson.text(renamed), ConfigJson.text(old));
        assertTrue(ConfigJson.text(old).contains("\"prediction\""), "written under the new name");
    }

    @Test
    void aMisspeltKeyNamesItsSectionAndTheNearestValidKey() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> read("{\"training\": {\"epoch\": 3}}"));

        assertTrue(e.getMessage().contains("unknown key 'epoch' in 'training'; did you mean 'epochs'?"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("config.json").toString()), e.getMessage());
    }

    @Test
    void aFolderGivenAsTheConfigIsNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("configs"));

        IOException refused = assertThrows(IOException.class, () -> RunConfig.read(folder));

        assertEquals(folder + ": is a folder; give a file", refused.getMessage());
    }

    @Test
    void aKeyFarFromEveryValidOneGetsNoSuggestion() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("{\"banana\": 1}"));

        assertTrue(e.getMessage().contains("unknown key 'banana' (valid: cross_validation, dataset"), e.getMessage());
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void inconsistentSectionsAreExplained() {
        ConfigException channels = assertThrows(ConfigException.class,
                () -> read("{\"dataset\": {\"channels\": [\"t1\", \"t2\"]}}"));
        ConfigException activation = assertThrows(ConfigException.class,
                () -> read("{\"loss\": {\"activation\": \"softmax\"}}"));
        ConfigException syntax = assertThrows(ConfigException.class, () -> read("{\"training\": {\"epochs\": }"));

        assertTrue(channels.getMessage().contains("model.in_channels is 4 but dataset.channels names 2"),
                channels.getMessage());
        assertTrue(activation.getMessage().contains("does not fit nested regions (use sigmoid)"),
                activation.getMessage());
        assertTrue(syntax.getMessage().contains("line 1"), syntax.getMessage());
    }

    @Test
    void theExampleConfigsAreValid() throws IOException {
        Path examples = Path.of("../examples/brats2020");
        RunConfig real = RunConfig.read(examples.resolve("brats2020_config.json"));
        RunConfig demo = RunConfig.read(examples.resolve("demo_config.json"));

        assertEquals(examples.toAbsolutePath().resolve("data/MICCAI_BraTS2020_TrainingData").normalize().toString(),
                real.dataset().bratsRoot());
        assertTrue(real.model().deepSupervision());
        assertEquals(List.of("WT", "TC", "ET"), real.dataset().regionNames());
        assertEquals(PredictionConfig.builder().build().enhancingThreshold(), real.prediction().enhancingThreshold(),
                "the postprocessing decided on validation, not a fixed threshold");
        assertEquals(List.of("WT", "TC", "ET"), demo.dataset().regionNames());
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertEquals(0, Spelling.editDistance("epochs", "epochs"));
        assertEquals(1, Spelling.editDistance("epoch", "epochs"));
        assertEquals(2, Spelling.editDistance("batch", "bench"));
    }

    private RunConfig read(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return RunConfig.read(file);
    }
}
