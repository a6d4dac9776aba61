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

/** Training steps fed by the data pipeline run end to end; the waiting share is a fraction of the loop. */
class PipelineBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsStepTimeAndWaitingShare() throws IOException {
        Path json = dir.resolve("pipeline.json");

        CommandRun run = CommandRun.of("bench", "pipeline", "--patch", "16", "--batch", "1", "--steps", "2",
                "--cases", "2", "--case-shape", "24,24,20", "--warmup", "1", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        double share = results.get("wait_share").asDouble();
        assertTrue(share >= 0 && share <= 1, "share " + share);
        assertTrue(results.get("step_median_s").asDouble() > 0);
        assertEquals("[1,4,16,16,16]", results.get("input").toString(), "the batch it was asked for");
        assertEquals(2, results.get("steps").asInt());
        assertEquals(String.format(Locale.ROOT, "training with the data pipeline, 1x4x16^3, %d batch thread(s): step "
                + "median %.3f s, waiting for data %.1f%% of the loop, 2 steps", results.get("workers").asInt(),
                results.get("step_median_s").asDouble(), 100 * share), run.out().strip(), "the line says what the "
                + "JSON holds");
    }
}
