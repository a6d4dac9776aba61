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
import org.voxseg.core.loss.LossConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ReduceLrOnPlateau;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.core.schedule.SchedulePeriod;
import org.voxseg.core.schedule.ThresholdMode;

/** The typed loss, optimizer and scheduler sections: mistakes fail when the config is read, defaults agree. */
class TypedSectionsTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltOptimizerNameFailsAtReadWithTheNearestName() {
        // The dataset folder does not exist: reading must fail on the name before anything looks for cases.
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                {"optimizer": {"name": "adamm", "lr": 0.01}, "dataset": {"brats_root": "no/such/folder"}}
                """));

        assertTrue(e.getMessage().startsWith(dir.resolve("config.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'optimizer.name': unknown optimizer 'adamm'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'adam'?"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aKeyOfAnotherScheduleFailsAtRead() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("{\"scheduler\": {\"name\": \"warmup_cosine\", \"patience\": 5}}"));

        assertTrue(e.getMessage().startsWith(dir.resolve("config.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'patience' in 'scheduler'"), e.getMessage());
        assertTrue(e.getMessage().contains("(name 'warmup_cosine'; valid: cycles, end_lr, step, warmup_multiplier,"
                + " warmup_steps)"), "lists the schedule's own keys: " + e.getMessage());
    }

    @Test
    void aKeyOfAnotherOptimizerOrLossFailsAtRead() {
        ConfigException momentum = assertThrows(ConfigException.class,
                () -> read("{\"optimizer\": {\"name\": \"adam\", \"momentum\": 0.9}}"));
        ConfigException lambda = assertThrows(ConfigException.class,
                () -> read("{\"loss\": {\"name\": \"dice\", \"lambda_ce\": 0.5}}"));

        assertTrue(momentum.getMessage().contains("unknown key 'momentum' in 'optimizer'"), momentum.getMessage());
        assertTrue(lambda.getMessage().contains("unknown key 'lambda_ce' in 'loss'"), lambda.getMessage());
    }

    @Test
    void anUnknownChoiceNamesTheKeyAndTheValidValues() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("{\"scheduler\": {\"name\": \"poly\", \"step\": \"iterations\"}}"));

        assertTrue(e.getMessage().contains("'scheduler.step': unknown value 'iterations'; did you mean 'iteration'?"),
                e.getMessage());
    }

    @Test
    void builderDefaultsAreTheJsonDefaults() throws IOException {
        assertEquals(ScheduleConfig.defaults(), ConfigJson.parse("{}", ScheduleConfig.class));
        assertEquals(OptimizerConfig.defaults(), ConfigJson.parse("{}", OptimizerConfig.class));
        assertEquals(LossConfig.defaults(), ConfigJson.parse("{}", LossConfig.class));
        assertEquals(ScheduleConfig.VARIANTS.get("warmup_cosine"),
                ConfigJson.parse("{\"name\": \"warmup_cosine\"}", ScheduleConfig.class));
        assertEquals(ScheduleConfig.VARIANTS.get("reduce_on_plateau"),
                ConfigJson.parse("{\"name\": \"reduce_on_plateau\"}", ScheduleConfig.class));
        assertEquals(OptimizerConfig.VARIANTS.get("adamw"),
                ConfigJson.parse("{\"name\": \"adamw\"}", OptimizerConfig.class));
        assertEquals(OptimizerConfig.VARIANTS.get("novograd"),
                ConfigJson.parse("{\"name\": \"novograd\"}", OptimizerConfig.class));
        assertEquals(LossConfig.VARIANTS.get("dice_focal"),
                ConfigJson.parse("{\"name\": \"dice_focal\"}", LossConfig.class));
        RunConfig empty = read("{}");
        assertEquals(OptimizerConfig.defaults(), empty.optimizer());
        assertEquals(ScheduleConfig.defaults(), empty.scheduler());
        assertEquals(LossConfig.defaults(), empty.loss());
    }

    @Test
    void everyVariantWritesItsNameAndReadsBackEqual() throws IOException {
        for (String name : ScheduleConfig.NAMES) {
            ScheduleConfig config = ConfigJson.parse("{\"name\": \"" + name + "\"}", ScheduleConfig.class);
            assertEquals(name, config.name());
            assertEquals(config, ConfigJson.parse(ConfigJson.text(config), ScheduleConfig.class), name);
        }
        for (String name : OptimizerConfig.NAMES) {
            OptimizerConfig config = ConfigJson.parse("{\"name\": \"" + name + "\"}", OptimizerConfig.class);
            assertEquals(name, config.name());
            assertEquals(config, ConfigJson.parse(ConfigJson.text(config), OptimizerConfig.class), name);
        }
        for (String name : LossConfig.NAMES) {
            LossConfig config = ConfigJson.parse("{\"name\": \"" + name + "\"}", LossConfig.class);
            assertEquals(config, ConfigJson.parse(ConfigJson.text(config), LossConfig.class), name);
        }
        assertEquals(new LossConfig.CrossEntropy(OutputActivation.SOFTMAX),
                ConfigJson.parse("{\"name\": \"ce\", \"activation\": \"softmax\"}", LossConfig.class), "an alias");
    }

    @Test
    void jsonKeysAndValuesKeepTheirFormat() throws IOException {
        ScheduleConfig restarts = new ScheduleConfig.CosineRestarts(SchedulePeriod.ITERATION, 5, 2, 0);
        String text = ConfigJson.text(restarts);

        for (String key : List.of("\"name\" : \"cosine_restarts\"", "\"step\" : \"iteration\"", "\"t_0\" : 5",
                "\"t_mult\" : 2", "\"min_lr\" : 0.0")) {
            assertTrue(text.contains(key), text);
        }
        assertTrue(ConfigJson.text(OptimizerConfig.defaults()).contains("\"betas\" : [ 0.9, 0.999 ]"));
    }

    @Test
    void aSectionReadAloneRefusesAKeyOfAnotherVariantWithItsJavaKeys() throws IOException {
        IllegalArgumentException patience = assertThrows(IllegalArgumentException.class,
                () -> ConfigJson.parse("{\"name\": \"warmup_cosine\", \"patience\": 5}", ScheduleConfig.class));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> ConfigJson.parse("{\"name\": \"adamm\"}", OptimizerConfig.class));

        assertEquals("scheduler 'warmup_cosine' has no key 'patience' (valid: cycles, endLr, period, warmupMultiplier,"
                + " warmupSteps)", patience.getMessage());
        assertTrue(name.getMessage().startsWith("unknown optimizer 'adamm'; known: [adam, adamw"), name.getMessage());
        assertEquals(ConfigJson.parse("{\"name\": \"reduce_on_plateau\", \"mode\": \"max\", \"patience\": 0}",
                ScheduleConfig.class), new ScheduleConfig.ReduceOnPlateau(SchedulePeriod.EPOCH,
                ReduceLrOnPlateau.Mode.MAX, 0.1, 0, 1e-4, ThresholdMode.REL, 0, 0));
    }

    @Test
    void aVariantWritesItsNameAndOnlyItsOwnKeys() {
        String text = ConfigJson.text(new ScheduleConfig.WarmupCosine(SchedulePeriod.EPOCH, 5, 0, 0.5, 0));

        assertTrue(text.startsWith("{\n  \"name\" : \"warmup_cosine\","), text);
        assertEquals(6, text.lines().filter(line -> line.contains(" : ")).count(), text);
    }

    private RunConfig read(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return RunConfig.read(file);
    }
}
