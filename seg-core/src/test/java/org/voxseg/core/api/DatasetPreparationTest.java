package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.RunConfig;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

class DatasetPreparationTest {

    private static final String BROKEN = "BraTS20_Synth_002";

    @TempDir
    Path dir;

    @Test
    void twoWorkersPrepareTheSameCasesAsOneInOrder() throws IOException {
        RunConfig config = config(4);
        List<String> reported = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void casePrepared(String caseId, int done, int total) {
                reported.add(done + "/" + total);
            }
        };

        DatasetPreparation one = new DatasetPreparation(withWorkers(config, 1), dir.resolve("one"));
        List<SamplingCase> serial = one.prepare(one.validCases(), RunListener.NONE);
        DatasetPreparation two = new DatasetPreparation(withWorkers(config, 2), dir.resolve("two"));
        List<SamplingCase> parallel = two.prepare(two.validCases(), listener);

        assertEquals(List.of("1/4", "2/4", "3/4", "4/4"), reported);
        assertEquals(serial.stream().map(SamplingCase::id).toList(), parallel.stream().map(SamplingCase::id).toList());
        for (int n = 0; n < serial.size(); n++) {
            assertArrayEquals(serial.get(n).image().toArray(), parallel.get(n).image().toArray());
            assertArrayEquals(serial.get(n).labels().toVolume().toArray(),
                    parallel.get(n).labels().toVolume().toArray());
            assertArrayEquals(serial.get(n).foreground().counts(), parallel.get(n).foreground().counts());
        }
    }

    @Test
    void aCaseWithBadValuesIsNamedAndTheOthersKeepTheirEntries() throws IOException {
        RunConfig config = withWorkers(config(4), 2);
        Path flair = dir.resolve("data").resolve(BROKEN).resolve(BROKEN + "_flair.nii.gz");
        Volume values = NiftiReader.read(flair).volume();
        float[] withNan = values.toArray();
        withNan[10] = Float.NaN;
        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(values.geometry(), 1, withNan), flair);
        Path run = dir.resolve("run");
        DatasetPreparation preparation = new DatasetPreparation(config, run);
        List<CaseFiles> cases = preparation.validCases();

        DatasetProblemsException error = assertThrows(DatasetProblemsException.class,
                () -> preparation.prepare(cases, RunListener.NONE));

        assertEquals(BROKEN + ": " + flair + ": 1 NaN and 0 infinite values", error.getMessage());
        assertEquals(List.of(BROKEN + ": " + flair + ": 1 NaN and 0 infinite values"),
                Files.readAllLines(run.resolve(DatasetPreparation.PROBLEMS)));
        try (Stream<Path> entries = Files.list(run.resolve("cache"))) {
            assertEquals(List.of("BraTS20_Synth_000.vxcache", "BraTS20_Synth_001.vxcache",
                    "BraTS20_Synth_003.vxcache"), entries.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the other cases' entries, and no half-written one");
        }
    }

    @Test
    void theDefaultWorkersFitTheCoresAndTheHeap() {
        long perCase = DatasetPreparation.CASE_PEAK_HEAP_BYTES;
        long reserved = DatasetPreparation.RESERVED_HEAP_BYTES;

        assertEquals(4, DatasetPreparation.defaultWorkers(4, 100 * perCase));
        assertEquals(3, DatasetPreparation.defaultWorkers(16, reserved + 3 * perCase + perCase / 2));
        assertEquals(2, DatasetPreparation.defaultWorkers(16, 3 * perCase), "the reserve is not the cases'");
        assertEquals(1, DatasetPreparation.defaultWorkers(2, 1L << 30), "-Xmx1g: one BraTS-size case at a time");
        assertEquals(1, DatasetPreparation.defaultWorkers(8, perCase / 2));
        assertTrue(DatasetPreparation.defaultWorkers(1, 0) >= 1);
    }

    private RunConfig config(int cases) throws IOException {
        TinyDataset.cases(dir.resolve("data"), cases, 3);
        return RunConfig.read(TinyDataset.config(dir.resolve("config.json"), "data", 1, ""));
    }

    private static RunConfig withWorkers(RunConfig config, int workers) {
        return config.withDataset(config.dataset().withPreprocessingWorkers(workers));
    }
}
