package org.voxseg.spark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.voxseg.core.api.PredictionOption;
import org.voxseg.spark.VoxsegSparkCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code voxseg-spark predict} offers every prediction option as {@code voxseg predict} does: one declaration. */
class PredictCommandTest {

    @Test
    void everyPredictionOptionIsAnOptionWithItsDeclaredHelp() {
        CommandSpec predict = VoxsegSparkCommand.commandLine().getSubcommands().get("predict").getCommandSpec();

        for (PredictionOption option : PredictionOption.values()) {
            OptionSpec spec = predict.findOption("--" + option.key());
            assertNotNull(spec, option.key());
            assertEquals(option.description(), String.join(" ", spec.description()), option.key());
            assertEquals(option.isSwitch(), spec.negatable(), option.key());
        }
    }
}
