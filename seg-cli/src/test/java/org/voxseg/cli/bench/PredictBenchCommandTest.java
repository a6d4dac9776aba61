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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/** The whole-case prediction benchmark runs end to end on a small case; speed is not asserted here. */
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
        }
    }
}
