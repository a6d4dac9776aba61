package org.voxseg.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.sampling.Patch;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.Volume;

class MappedSamplingTest {

    private static final PreprocessingSettings SETTINGS = PreprocessingSettings.builder()
            .normalization(IntensityNormalization.zScore(false, true))
            .padding(new int[] {8, 8, 8}, 4)
            .build();

    @TempDir
    Path dir;

    @Test
    void patchesOfAMappedCaseEqualThoseOfTheCaseInMemory() throws IOException {
        CaseFiles entry = writeCase();
        CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
        Preprocessor.Result result = new Preprocessor(SETTINGS).apply(loaded.image(), loaded.labels());
        SamplingCase inMemory = new SamplingCase("case", result.image(), result.labels().orElseThrow());
        SamplingCase mapped = new PreprocessedCache(dir.resolve("cache"), SETTINGS).get(entry).cached()
                .samplingCase("case");

        assertArrayEquals(inMemory.foreground().values(), mapped.foreground().values());
        assertArrayEquals(new int[] {1, 2, 4}, mapped.foreground().values());
        for (double fraction : new double[] {1, 0.5}) {
            PatchSampler sampler = new PatchSampler(new int[] {6, 5, 4}, fraction);
            for (long seed = 0; seed < 5; seed++) {
                Random a = new Random(seed);
                Random b = new Random(seed);
                for (int n = 0; n < 20; n++) {
                    Patch expected = sampler.sample(inMemory, a);
                    Patch actual = sampler.sample(mapped, b);
                    String what = "seed " + seed + ", fraction " + fraction + ", patch " + n;
                    assertArrayEquals(expected.image(), actual.image(), what);
                    assertArrayEquals(expected.labels(), actual.labels(), what);
                }
                assertEquals(a.nextLong(), b.nextLong(), "both drew the same random numbers");
            }
        }
    }

    /** A 13x11x9 case of two channels whose labels 1, 2 and 4 fill blocks of different sizes. */
    private CaseFiles writeCase() throws IOException {
        Geometry grid = Geometry.of(new Extent(13, 11, 9), Affine.diagonal(1.2, 1, 1.5));
        int voxels = grid.voxelCount();
        float[][] channels = new float[2][voxels];
        float[] labels = new float[voxels];
        Random random = new Random(11);
        for (int v = 0; v < voxels; v++) {
            int i = v % 13;
            int j = v / 13 % 11;
            int k = v / 143;
            channels[0][v] = 100 + random.nextInt(400);
            channels[1][v] = i * j + k;
            labels[v] = i < 4 && j < 4 ? 1 : i > 9 && k > 5 ? 2 : i == 6 && j == 6 && k == 6 ? 4 : 0;
        }
        Path t1 = dir.resolve("case_t1.nii.gz");
        Path t2 = dir.resolve("case_t2.nii.gz");
        Path seg = dir.resolve("case_seg.nii.gz");
        NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(grid, 1, channels[0]), t1);
        NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(grid, 1, channels[1]), t2);
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(grid, 1, labels), seg);
        return new CaseFiles("case", List.of(t1, t2), Optional.of(seg));
    }
}
