package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;

/** The dataset-scaling benchmark trains its two epochs on small synthetic cases and prints what its JSON holds. */
@Tag("slow")
class ScaleBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void synthesisesTheCasesTrainsTwoEpochsAndReportsTheirMemoryAndTimes() throws IOException {
        Path data = dir.resolve("data");
        Path json = dir.resolve("scale.json");

        CommandRun run = CommandRun.of("bench", "scale", "--cases", "2", "--data", data.toString(), "--shape",
                "64,64,64", "--threads", "2", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        try (var cases = Files.list(data)) {
            assertEquals(2, cases.filter(Files::isDirectory).count(), "two cases synthesised");
        }
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, m.get("cases").asInt());
        assertTrue(m.get("epoch_s").asDouble() > 0);
        assertTrue(m.get("rss_anon_epoch_end_mb").asDouble() > 0 && m.get("heap_after_gc_mb").asDouble() > 0);
        assertEquals(String.format(Locale.ROOT, "2 case(s) of 64x64x64: preprocessing %.2f s/case, epoch %.2f s, "
                + "RssAnon %.0f MB at the epoch's end (peak %.0f MB), heap after GC %.0f MB, %.1f s in all",
                m.get("preprocess_s_per_case").asDouble(), m.get("epoch_s").asDouble(),
                m.get("rss_anon_epoch_end_mb").asDouble(), m.get("rss_anon_peak_mb").asDouble(),
                m.get("heap_after_gc_mb").asDouble(), m.get("total_s").asDouble()), run.out().strip(),
                "the line says what the JSON holds");
    }
}
