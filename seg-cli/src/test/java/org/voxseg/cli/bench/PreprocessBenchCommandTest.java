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

/** The preprocessing benchmark runs end to end on a small case; speed itself is not asserted here. */
class PreprocessBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsFreshAndCachedMedians() throws IOException {
        Path json = dir.resolve("results.json");

        CommandRun run = CommandRun.of("bench", "preprocess", "--shape", "40,36,30", "--input-spacing", "1,1,1.5",
                "--spacing", "1,1,1", "--repeats", "2", "--warmup", "0", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertTrue(results.get("preprocess_median_s").asDouble() > 0);
        assertTrue(results.get("cached_reload_median_s").asDouble() > 0);
        JsonNode shape = results.get("preprocessed_shape");
        int slices = shape.get(2).asInt();
        assertTrue(slices > 30 && slices <= 45, "the head's slices of 1.5 mm, resampled to 1 mm: " + shape);
        assertEquals(2, results.get("repeats").asInt());
        assertTrue(run.out().startsWith(String.format(Locale.ROOT, "preprocess 4x40x36x30 -> %dx%dx%d: median %.3f s; "
                + "cached reload median %.3f s;", shape.get(0).asInt(), shape.get(1).asInt(), slices,
                results.get("preprocess_median_s").asDouble(), results.get("cached_reload_median_s").asDouble())),
                run.out());
        assertTrue(run.out().strip().endsWith(", 2 runs each"), run.out());
    }
}
