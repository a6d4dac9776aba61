package org.voxseg.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.IntensityStatistics;
import org.voxseg.data.volume.Volume;

/** The benchmark runs end to end and reports what it measured; speed itself is not asserted here. */
class NiftiBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsMediansAndKeepsTheFileWhenAsked() throws IOException {
        Path kept = dir.resolve("bench.nii.gz");
        Path json = dir.resolve("results.json");

        CommandRun run = CommandRun.of("bench", "nifti", "--shape", "24,20,16", "--repeats", "3", "--warmup", "0",
                "--keep", kept.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertEquals(String.format(Locale.ROOT, "NIfTI int16 24x20x16 .nii.gz (%.1f MB): write median %.3f s "
                + "(min %.3f), read median %.3f s (min %.3f), 3 runs each", results.get("file_bytes").asLong() / 1e6,
                results.get("write_median_s").asDouble(), results.get("write_min_s").asDouble(),
                results.get("read_median_s").asDouble(), results.get("read_min_s").asDouble()), run.out().strip(),
                "the line says what the JSON holds");
        assertEquals(3, results.get("repeats").asInt());
        assertTrue(results.get("read_median_s").asDouble() > 0);
        assertTrue(results.get("write_min_s").asDouble() <= results.get("write_median_s").asDouble());
        Volume volume = NiftiReader.read(kept).volume();
        assertEquals(Volume.class, volume.getClass());
        assertTrue(IntensityStatistics.of(volume).finiteMax() > 300, "the kept file holds the synthetic head");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, new Timings(List.of(3.0, 1.0, 2.0)).median());
        assertEquals(2.5, new Timings(List.of(4.0, 1.0, 3.0, 2.0)).median());
        assertEquals(1.0, new Timings(List.of(4.0, 1.0, 3.0, 2.0)).min());
    }
}
