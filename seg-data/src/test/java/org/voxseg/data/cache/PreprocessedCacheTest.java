package org.voxseg.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.Volume;

class PreprocessedCacheTest {

    private static final PreprocessingSettings SETTINGS = PreprocessingSettings.builder()
            .foregroundCrop(ForegroundCrop.above(0, 1))
            .normalization(IntensityNormalization.zScore(true, true))
            .padding(new int[] {8, 8, 8}, 4)
            .build();

    @TempDir
    Path dir;

    private CaseFiles entry;
    private Path cacheFolder;

    @BeforeEach
    void writeCase() throws IOException {
        Geometry grid = Geometry.of(new int[] {12, 10, 9}, Affine.diagonal(-1.5, 1, 2));
        float[] image = new float[grid.voxelCount()];
        float[] labels = new float[grid.voxelCount()];
        for (int v = 0; v < image.length; v++) {
            int i = v % 12;
            int j = v / 12 % 10;
            int k = v / 120;
            boolean inside = i > 2 && i < 10 && j > 1 && j < 8 && k > 2 && k < 7;
            image[v] = inside ? 50 + v % 17 : 0;
            labels[v] = inside && i > 5 ? 2 : 0;
        }
        Path t1 = dir.resolve("case_t1.nii.gz");
        Path seg = dir.resolve("case_seg.nii.gz");
        NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(grid, 1, image), t1);
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(grid, 1, labels), seg);
        entry = new CaseFiles("case", List.of(t1), java.util.Optional.of(seg));
        cacheFolder = dir.resolve("cache");
    }

    @Test
    void theSecondLookupReadsWhatTheFirstBuilt() throws IOException {
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS);

        PreprocessedCache.Lookup first = cache.get(entry);
        PreprocessedCache.Lookup second = cache.get(entry);

        assertEquals(PreprocessedCache.Source.BUILT, first.source());
        assertEquals(PreprocessedCache.Source.CACHED, second.source());
        assertSameResult(first.result(), second.result());
    }

    @Test
    void changedInputsOrSettingsMakeTheEntryStale() throws IOException {
        new PreprocessedCache(cacheFolder, SETTINGS).get(entry);
        Files.setLastModifiedTime(entry.images().get(0), FileTime.fromMillis(12345));

        assertEquals(PreprocessedCache.Source.REBUILT_STALE, new PreprocessedCache(cacheFolder, SETTINGS).get(entry)
                .source());

        PreprocessingSettings other = PreprocessingSettings.builder().padding(new int[] {16, 16, 16}, 4).build();
        assertEquals(PreprocessedCache.Source.REBUILT_STALE, new PreprocessedCache(cacheFolder, other).get(entry)
                .source());
    }

    @Test
    void anInputRewrittenWithItsSizeAndTimeKeptIsStillStale() throws IOException, InterruptedException {
        new PreprocessedCache(cacheFolder, SETTINGS).get(entry);
        Path image = entry.images().get(0);
        FileTime modified = Files.getLastModifiedTime(image);
        byte[] bytes = Files.readAllBytes(image);
        Thread.sleep(20); // so that the change time moves on coarse file-system clocks
        Files.write(image, bytes);
        Files.setLastModifiedTime(image, modified);

        assertEquals(PreprocessedCache.Source.REBUILT_STALE, new PreprocessedCache(cacheFolder, SETTINGS).get(entry)
                .source());
    }

    @Test
    void aCorruptEntryIsRebuiltNeverTrusted() throws IOException {
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS);
        Preprocessor.Result built = cache.get(entry).result();
        Path file = cacheFolder.resolve("case.vxcache");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        PreprocessedCache.Lookup afterCorruption = cache.get(entry);

        assertEquals(PreprocessedCache.Source.REBUILT_CORRUPT, afterCorruption.source());
        assertSameResult(built, afterCorruption.result());
        assertEquals(PreprocessedCache.Source.CACHED, cache.get(entry).source());
    }

    @Test
    void aTornEntryIsRebuilt() throws IOException {
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS);
        cache.get(entry);
        try (FileChannel channel = FileChannel.open(cacheFolder.resolve("case.vxcache"), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }

        assertEquals(PreprocessedCache.Source.REBUILT_CORRUPT, cache.get(entry).source());
    }

    private static void assertSameResult(Preprocessor.Result expected, Preprocessor.Result actual) {
        assertArrayEquals(expected.image().toArray(), actual.image().toArray());
        assertArrayEquals(expected.labels().orElseThrow().toArray(), actual.labels().orElseThrow().toArray());
        assertEquals(expected.record(), actual.record());
        assertEquals(expected.image().geometry(), actual.image().geometry());
        Volume back = actual.record().invert(actual.labels().orElseThrow(), Interpolation.NEAREST);
        assertEquals(expected.record().original(), back.geometry());
    }
}
