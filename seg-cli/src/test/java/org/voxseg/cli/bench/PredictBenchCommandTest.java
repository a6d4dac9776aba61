package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/** The whole-case prediction benchmark runs end to end on a small case; speed is not asserted here. */
class PredictBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheCaseTimeWithAndWithoutTta() throws IOException {
        for (boolean tta : new boolean[] {false, true}) {
            Path json = dir.resolve("predict.json");
            CommandRun run = tta
                    ? CommandRun.of("bench", "predict", "--shape", "24,24,20", "--roi", "16,16,16", "--filters",
                            "4,8", "--repeats", "1", "--warmup", "0", "--tta", "--json", json.toString())
                    : CommandRun.of("bench", "predict", "--shape", "24,24,20", "--roi", "16,16,16", "--filters",
                            "4,8", "--repeats", "1", "--warmup", "0", "--json", json.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode results = new ObjectMapper().readTree(json.toFile());
            assertEquals(tta, results.get("tta").asBoolean());
            assertTrue(results.get("median_s").asDouble() > 0);
        }
    }
}
