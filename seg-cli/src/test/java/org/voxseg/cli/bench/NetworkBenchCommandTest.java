package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/** The network benchmark runs a training step and an inference pass end to end; speed is not asserted here. */
class NetworkBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainingAndInferenceReport() throws IOException {
        for (String mode : new String[] {"train", "infer"}) {
            Path json = dir.resolve(mode + ".json");

            CommandRun run = CommandRun.of("bench", "network", "--mode", mode, "--patch", "16", "--filters", "4,8",
                    "--repeats", "2", "--warmup", "1", "--json", json.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode results = new ObjectMapper().readTree(json.toFile());
            assertEquals(mode, results.get("mode").asText());
            assertEquals("[1,4,16,16,16]", results.get("input").toString(), "the default batch of 4 channels");
            assertEquals("fp32", results.get("precision").asText());
            assertTrue(results.get("median_s").asDouble() > 0);
            assertTrue(results.get("min_s").asDouble() <= results.get("median_s").asDouble());
            assertTrue(results.get("parameters").asLong() > 1000);
            assertTrue(results.get("gflops_per_s").asDouble() > 0);
            assertTrue(results.get("rss_peak_bytes").asLong() >= results.get("rss_before_bytes").asLong());
            assertEquals(2, results.get("repeats").asInt());
            assertEquals(printed(results), run.out().substring(run.out().indexOf(", ") + 2).strip(),
                    "the printed line says what the JSON holds");
        }
    }

    /** The part of the report line after the step's name, as the command prints it from {@code results}. */
    private static String printed(JsonNode results) {
        return String.format(Locale.ROOT, "%.2f M parameters: median %.3f s (min %.3f), %.1f GFLOP/s, peak RSS %.0f MB"
                + " (%.0f MB before), %d runs", results.get("parameters").asLong() / 1e6,
                results.get("median_s").asDouble(), results.get("min_s").asDouble(),
                results.get("gflops_per_s").asDouble(), results.get("rss_peak_bytes").asLong() / 1e6,
                results.get("rss_before_bytes").asLong() / 1e6, results.get("repeats").asInt());
    }

    @Test
    void slidingWindowOverAVolume() throws IOException {
        Path json = dir.resolve("window.json");

        CommandRun run = CommandRun.of("bench", "network", "--mode", "window", "--patch", "16", "--volume",
                "20,24,12", "--filters", "4,8", "--repeats", "1", "--warmup", "0", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("sliding window 4x20x24x12 (roi 16, fp32)"), run.out());
        assertTrue(new ObjectMapper().readTree(json.toFile()).get("gflops_per_s").asDouble() > 0);
    }
}
