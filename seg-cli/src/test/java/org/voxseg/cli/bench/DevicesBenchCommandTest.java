package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.cli.CommandRun;

/** The device check's dry run: the CPU against itself, which must agree exactly. */
class DevicesBenchCommandTest {

    @Test
    void theCpuAgainstItselfPassesWithIdenticalCurves() {
        CommandRun run = CommandRun.of("bench", "devices", "--device", "cpu", "--steps", "3", "--patch", "16",
                "--filters", "4,8");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("libtorch 2.7.1 from "), lines.get(0));
        for (int step = 1; step <= 3; step++) {
            String[] fields = lines.get(step).trim().split("\\s+");
            assertEquals(fields[3], fields[5], "the same loss on both sides: " + lines.get(step));
        }
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("device check cpu vs cpu: 3 steps, largest relative loss difference 0.00e+00"),
                summary);
        assertTrue(summary.endsWith("fp16: skipped (half precision runs on a GPU only): PASS"), summary);
    }
}
