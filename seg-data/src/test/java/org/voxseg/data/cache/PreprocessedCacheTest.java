package org.voxseg.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.dataset.CaseDataChecks;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.InvalidCaseException;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.sampling.ForegroundLocations;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.LabelType;
import org.voxseg.data.volume.LabelVolume;
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
        Geometry grid = Geometry.of(new Extent(12, 10, 9), Affine.diagonal(-1.5, 1, 2));
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
        entry = new CaseFiles("case", List.of(t1), Optional.of(seg));
        cacheFolder = dir.resolve("cache");
    }

    @Test
    void theSecondLookupReadsWhatTheFirstBuilt() throws IOException {
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS);

        PreprocessedCache.Lookup first = cache.get(entry);
        PreprocessedCache.Lookup second = cache.get(entry);

        assertEquals(PreprocessedCache.Source.BUILT, first.source());
        assertEquals(PreprocessedCache.Source.CACHED, second.source());
        assertSameCase(first.cached(), second.cached());
    }

    @Test
    void aMappedEntryIsBitIdenticalToTheCaseItWasBuiltFrom() throws IOException {
        CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
        Preprocessor.Result expected = new Preprocessor(SETTINGS).apply(loaded.image(), loaded.labels());
        LabelVolume expectedLabels = LabelVolume.of(expected.labels().orElseThrow());
        new PreprocessedCache(cacheFolder, SETTINGS).get(entry);

        CachedCase mapped = new PreprocessedCache(cacheFolder, SETTINGS).get(entry).cached();

        assertArrayEquals(bits(expected.image().toArray()), bits(mapped.image().toArray()));
        assertFalse(mapped.image().data().hasArray(), "the image is a view of the mapped file, not a heap array");
        LabelVolume labels = mapped.labels().orElseThrow();
        assertEquals(LabelType.UINT8, labels.type());
        assertArrayEquals(expected.labels().orElseThrow().toArray(), labels.toVolume().toArray());
        ForegroundLocations foreground = mapped.foreground().orElseThrow();
        ForegroundLocations expectedForeground = ForegroundLocations.of(expectedLabels);
        assertArrayEquals(new int[] {2}, foreground.values());
        assertArrayEquals(expectedForeground.counts(), foreground.counts());
        assertArrayEquals(ints(expectedForeground.locations(0)), ints(foreground.locations(0)));
        assertEquals(expected.record(), mapped.record());
        assertEquals(expected.image().geometry(), mapped.image().geometry());
        Volume back = mapped.record().invert(labels.toVolume(), Interpolation.NEAREST);
        assertEquals(expected.record().original(), back.geometry());
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
    void anEntryOfThePreviousFormatIsStaleAndRebuilt() throws IOException {
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS);
        CachedCase built = cache.get(entry).cached();
        Path file = cacheFolder.resolve("case.vxcache");
        byte[] bytes = Files.readAllBytes(file);
        System.arraycopy("VOXSEGC1".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        rewrite(file, bytes);

        PreprocessedCache.Lookup rebuilt = cache.get(entry);

        assertEquals(PreprocessedCache.Source.REBUILT_STALE, rebuilt.source());
        assertSameCase(built, rebuilt.cached());
        assertEquals(PreprocessedCache.Source.CACHED, cache.get(entry).source());
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
        CachedCase built = cache.get(entry).cached();
        Path file = cacheFolder.resolve("case.vxcache");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        rewrite(file, bytes);

        PreprocessedCache.Lookup afterCorruption = cache.get(entry);

        assertEquals(PreprocessedCache.Source.REBUILT_CORRUPT, afterCorruption.source());
        assertSameCase(built, afterCorruption.cached());
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
        assertEquals(PreprocessedCache.Source.CACHED, cache.get(entry).source());
    }

    @Test
    void aCaseWhoseValuesFailTheChecksGetsNoEntry() throws IOException {
        Geometry grid = Geometry.of(new Extent(12, 10, 9), Affine.diagonal(-1.5, 1, 2));
        float[] withNan = new float[grid.voxelCount()];
        withNan[7] = Float.NaN;
        withNan[8] = 3;
        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(grid, 1, withNan), entry.images().get(0));
        PreprocessedCache cache = new PreprocessedCache(cacheFolder, SETTINGS, new CaseDataChecks(new int[] {1}));

        InvalidCaseException error = assertThrows(InvalidCaseException.class, () -> cache.get(entry));

        assertEquals(List.of(entry.images().get(0) + ": 1 NaN and 0 infinite values",
                entry.label().orElseThrow() + ": label values [2.0] are not 0 or one of the configured labels [1]"),
                error.problems().stream().map(p -> p.file() + ": " + p.message()).toList());
        assertFalse(Files.exists(cacheFolder.resolve("case.vxcache")));
    }

    @Test
    void aValidEntryHasItsLabelValuesCheckedAgainstTheLabelsAllowedNow() throws IOException {
        new PreprocessedCache(cacheFolder, SETTINGS, new CaseDataChecks(new int[] {2})).get(entry);
        PreprocessedCache narrower = new PreprocessedCache(cacheFolder, SETTINGS, new CaseDataChecks(new int[] {1}));

        InvalidCaseException error = assertThrows(InvalidCaseException.class, () -> narrower.get(entry));

        assertEquals("label values [2.0] are not 0 or one of the configured labels [1]",
                error.problems().get(0).message());
        assertTrue(Files.exists(cacheFolder.resolve("case.vxcache")), "the entry itself stays valid");
    }

    private static void assertSameCase(CachedCase expected, CachedCase actual) {
        assertArrayEquals(bits(expected.image().toArray()), bits(actual.image().toArray()));
        assertArrayEquals(expected.labels().orElseThrow().toVolume().toArray(),
                actual.labels().orElseThrow().toVolume().toArray());
        assertArrayEquals(ints(expected.foreground().orElseThrow().locations(0)),
                ints(actual.foreground().orElseThrow().locations(0)));
        assertEquals(expected.record(), actual.record());
        assertEquals(expected.image().geometry(), actual.image().geometry());
    }

    /**
     * Replaces {@code file} by a new file of {@code bytes}: writing the old file in place would change what the
     * earlier lookups' mappings of it show.
     */
    private static void rewrite(Path file, byte[] bytes) throws IOException {
        Files.delete(file);
        Files.write(file, bytes);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int v = 0; v < values.length; v++) {
            bits[v] = Float.floatToRawIntBits(values[v]);
        }
        return bits;
    }

    private static int[] ints(IntBuffer values) {
        int[] out = new int[values.remaining()];
        values.get(out);
        return out;
    }
}
