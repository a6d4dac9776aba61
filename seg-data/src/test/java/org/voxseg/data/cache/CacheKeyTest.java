package org.voxseg.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.IntensityScaling;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.SpacingGrid;

/**
 * Keys are equal for the same inputs and settings and differ when either does; the digest a key is persisted as is
 * the one earlier versions wrote, so that their caches still hit: SHA-256 over "voxseg-cache VERSION", the settings'
 * text as {@code PreprocessingSettings.toString} printed it then, and one line per input (absolute path, size,
 * modification instant, inode change time or "-"), the label's prefixed "label ".
 */
class CacheKeyTest {

    /** Settings from before the orientation, the scaling and the spacing grid existed, and their old text. */
    private static final PreprocessingSettings PLAIN = PreprocessingSettings.builder().build();
    private static final String PLAIN_TEXT = "PreprocessingSettings[crop=null, spacing=null, shape=null, "
            + "normalization=null, minShape=[1, 1, 1], divisor=1]";
    /** Settings with every component set, and their old text. */
    private static final PreprocessingSettings FULL = PreprocessingSettings.builder().orientation("RAS")
            .foregroundCrop(ForegroundCrop.above(0, 1)).targetSpacing(new Spacing(1, 1, 1.5))
            .spacingGrid(new SpacingGrid(false, Interpolation.LINEAR, false, false))
            .scaling(new IntensityScaling(0, 100, 0, 1, true)).normalization(IntensityNormalization.zScore(true, true))
            .padding(Extent.cube(16), 4).build();
    private static final String FULL_TEXT = "PreprocessingSettings[orientation=RAS, "
            + "crop=ForegroundCrop[threshold=0.0, percentile=false, margin=1], spacing=[1.0, 1.0, 1.5], "
            + "grid=SpacingGrid[scaleExtent=false, mode=LINEAR, alignCorners=false, nearestInverse=false], "
            + "shape=null, scaling=IntensityScaling[aMin=0.0, aMax=100.0, bMin=0.0, bMax=1.0, clip=true], "
            + "normalization=IntensityNormalization[nonzero=true, channelWise=true, clipLow=NaN, clipHigh=NaN], "
            + "minShape=[16, 16, 16], divisor=4]";

    @TempDir
    Path dir;

    private CaseFiles labelled;
    private CaseFiles unlabelled;

    @BeforeEach
    void writeInputs() throws IOException {
        Path t1 = Files.writeString(dir.resolve("case_t1.nii.gz"), "t1");
        Path t2 = Files.writeString(dir.resolve("case_t2.nii.gz"), "t2 image");
        Path seg = Files.writeString(dir.resolve("case_seg.nii.gz"), "label map");
        labelled = new CaseFiles("case", List.of(t1, t2), Optional.of(seg));
        unlabelled = new CaseFiles("case", List.of(dir.resolve("x/../case_t1.nii.gz")), Optional.empty());
    }

    @Test
    void theSameInputsAndSettingsGiveEqualKeys() throws IOException {
        PreprocessingSettings again = PreprocessingSettings.builder().orientation("RAS")
                .foregroundCrop(ForegroundCrop.above(0, 1)).targetSpacing(new double[] {1, 1, 1.5})
                .spacingGrid(new SpacingGrid(false, Interpolation.LINEAR, false, false))
                .scaling(new IntensityScaling(0, 100, 0, 1, true))
                .normalization(IntensityNormalization.zScore(true, true)).padding(new int[] {16, 16, 16}, 4).build();

        CacheKey key = CacheKey.of(labelled, FULL);
        CacheKey same = CacheKey.of(new CaseFiles("renamed", labelled.images(), labelled.label()), again);

        assertEquals(key, same);
        assertEquals(key.hashCode(), same.hashCode());
        assertEquals(key.digest(), same.digest());
        assertEquals(CacheKey.of(unlabelled, FULL), CacheKey.of(unlabelled, FULL));
    }

    @Test
    void anotherSettingMakesAnotherKey() throws IOException {
        PreprocessingSettings otherDivisor = PreprocessingSettings.builder().orientation("RAS")
                .foregroundCrop(ForegroundCrop.above(0, 1)).targetSpacing(new Spacing(1, 1, 1.5))
                .spacingGrid(new SpacingGrid(false, Interpolation.LINEAR, false, false))
                .scaling(new IntensityScaling(0, 100, 0, 1, true))
                .normalization(IntensityNormalization.zScore(true, true)).padding(Extent.cube(16), 8).build();

        assertDifferent(CacheKey.of(labelled, FULL), CacheKey.of(labelled, otherDivisor));
        assertDifferent(CacheKey.of(labelled, FULL), CacheKey.of(labelled, PLAIN));
    }

    @Test
    void anotherInputStampMakesAnotherKey() throws IOException, InterruptedException {
        CacheKey before = CacheKey.of(labelled, FULL);
        Path t1 = labelled.images().get(0);
        Files.setLastModifiedTime(t1, FileTime.fromMillis(12345));
        CacheKey touched = CacheKey.of(labelled, FULL);
        assertDifferent(before, touched);

        FileTime modified = Files.getLastModifiedTime(t1);
        Thread.sleep(20); // so that the change time moves on coarse file-system clocks
        Files.writeString(t1, "t9");
        Files.setLastModifiedTime(t1, modified);
        assertDifferent(touched, CacheKey.of(labelled, FULL));

        Path seg = labelled.label().orElseThrow();
        CaseFiles labelAsImage = new CaseFiles("case", List.of(labelled.images().get(0), seg), Optional.empty());
        CaseFiles imageAsLabel = new CaseFiles("case", List.of(labelled.images().get(0)), Optional.of(seg));
        assertDifferent(CacheKey.of(labelAsImage, FULL), CacheKey.of(imageAsLabel, FULL));
        assertDifferent(CacheKey.of(unlabelled, FULL), CacheKey.of(imageAsLabel, FULL));
    }

    @Test
    void theDigestIsTheOneEarlierVersionsWrote() throws IOException {
        assertEquals(FULL_TEXT, FULL.cacheDescription(), "the settings' part of the identity");
        assertEquals(PLAIN_TEXT, PLAIN.cacheDescription(), "the settings' part of the identity");
        assertEquals(oldDigest(labelled, PLAIN_TEXT), CacheKey.of(labelled, PLAIN).digest());
        assertEquals(oldDigest(labelled, FULL_TEXT), CacheKey.of(labelled, FULL).digest());
        assertEquals(oldDigest(unlabelled, FULL_TEXT), CacheKey.of(unlabelled, FULL).digest());
    }

    private static void assertDifferent(CacheKey key, CacheKey other) {
        assertNotEquals(key, other);
        assertNotEquals(key.digest(), other.digest());
    }

    /** The digest as earlier versions computed it, from the settings' text they hashed. */
    private static String oldDigest(CaseFiles entry, String settingsText) throws IOException {
        StringBuilder text = new StringBuilder("voxseg-cache " + PreprocessedCache.FORMAT_VERSION + "\n")
                .append(settingsText).append('\n');
        for (Path image : entry.images()) {
            text.append(oldLine(image));
        }
        entry.label().ifPresent(label -> text.append("label ").append(oldLine(label)));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String oldLine(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            Object changed = absolute.getFileSystem().supportedFileAttributeViews().contains("unix")
                    ? Files.getAttribute(absolute, "unix:ctime") : "-";
            return absolute + " " + Files.size(absolute) + " " + Files.getLastModifiedTime(absolute).toInstant() + " "
                    + changed + "\n";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
