package org.voxseg.cli.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxseg.cli.CommandRun;
import org.voxseg.cli.VoxsegCommand;
import org.voxseg.core.api.PredictionOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * {@code voxseg predict} and {@code voxseg bench predict} offer every prediction option as the one declaration has it.
 */
class PredictCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"predict", "bench predict"})
    void everyPredictionOptionIsAnOptionWithItsDeclaredHelp(String command) {
        CommandLine line = VoxsegCommand.commandLine();
        for (String name : command.split(" ")) {
            line = line.getSubcommands().get(name);
        }
        CommandSpec predict = line.getCommandSpec();

        for (PredictionOption option : PredictionOption.values()) {
            OptionSpec spec = predict.findOption("--" + option.key());
            assertNotNull(spec, option.key());
            assertEquals(option.description(), String.join(" ", spec.description()), option.key());
            assertEquals(option.isSwitch(), spec.negatable(), option.key());
        }
    }

    @Test
    void aWrongValueIsAUsageErrorNamingTheOptionBeforeAnythingRuns() {
        CommandRun run = CommandRun.of("predict", "--model", "nowhere", "--input", "nothing", "--output", "out",
                "--tta-axes", "x,w");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--tta-axes': 'x,w': takes x,y,z ("), run.err());
    }
}
