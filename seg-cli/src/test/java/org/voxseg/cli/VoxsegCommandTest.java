package org.voxseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoxsegCommandTest {

    @Test
    void versionNamesVoxsegDjlAndTheLibtorchInUseWithItsDevices() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s)voxseg \\d+\\.\\d+\\.\\d+\\S*\\R"
                + "DJL 0\\.36\\.0, built against libtorch 2\\.7\\.1\\R"
                + "libtorch 2\\.7\\.1 from \\S+ \\((CPU|CUDA) build\\); devices: cpu.*\\R"
                + "native memory: freed tensors (reused|returned|left) .*"), run.out());
    }

    @Test
    void everySubcommandPrintsTheSameVersion() {
        String root = CommandRun.of("--version").out();

        assertEquals(root, CommandRun.of("predict", "--version").out());
        assertEquals(root, CommandRun.of("bench", "network", "-V").out());
    }

    @Test
    void helpListsTheCommands() {
        CommandRun run = CommandRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("info") && run.out().contains("bench"), run.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("a command is required"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, CommandRun.of("info", "--jsn", "x.nii").exitCode());
    }
}
