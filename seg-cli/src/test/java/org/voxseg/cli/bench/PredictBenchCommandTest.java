package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/**
 * The whole-case prediction benchmark runs end to end on a small case with {@code voxseg predict}'s prediction
 * options, and prints what its JSON holds; speed is not asserted here.
 */
class PredictBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheCaseTimeWithoutTtaWithAllFlipsAndWithTheChosenAxes() throws IOException {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("none", List.of());
        runs.put("x,y,z", List.of("--tta"));
        runs.put("x,z", List.of("--tta-axes", "z,x"));
        for (Map.Entry<String, List<String>> expected : runs.entrySet()) {
            Path json = dir.resolve("predict.json");
            List<String> arguments = new ArrayList<>(List.of("bench", "predict", "--shape", "24,24,20", "--roi",
                    "16,16,16", "--filters", "4,8", "--repeats", "1", "--warmup", "0", "--json", json.toString()));
            arguments.addAll(expected.getValue());
            CommandRun run = CommandRun.of(arguments.toArray(String[]::new));

            assertEquals(0, run.exitCode(), run.err());
            JsonNode results = new ObjectMapper().readTree(json.toFile());
            assertEquals(expected.getKey(), results.get("tta_axes").asText());
            assertTrue(results.get("median_s").asDouble() > 0);
            int passes = expected.getKey().equals("none") ? 1 : 1 << expected.getKey().split(",").length;
            assertTrue(run.out().startsWith(String.format(Locale.ROOT, "predict 4x24x24x20 (roi [16, 16, 16], overlap "
                    + "0.50, 1 window(s) a call%s, fp32 on cpu): median %.1f s", passes == 1 ? ""
                    : ", " + passes + "-flip TTA", results.get("median_s").asDouble())), run.out());
        }
    }

    @Test
    void thePredictionOptionsChangeTheReferenceModelsSettingsAsTheyChangeARunsAndBadValuesAreUsageErrors()
            throws IOException {
        Path json = dir.resolve("predict.json");
        CommandRun run = CommandRun.of("bench", "predict", "--shape", "20,20,16", "--roi", "16,16,8", "--overlap",
                "0.25", "--sw-batch", "2", "--filters", "4,8", "--repeats", "1", "--warmup", "0", "--json",
                json.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertEquals("[16,16,8]", results.get("roi").toString());
        assertEquals(0.25, results.get("overlap").asDouble());
        assertEquals(2, results.get("sw_batch").asInt());
        assertTrue(run.out().startsWith("predict 4x20x20x16 (roi [16, 16, 8], overlap 0.25, 2 window(s) a call, "
                + "fp32 on cpu)"), run.out());

        CommandRun wrong = CommandRun.of("bench", "predict", "--overlap", "half");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("Invalid value for option '--overlap': 'half'"), wrong.err());
    }
}
