package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.synthetic.SyntheticBrats;
import org.voxseg.data.volume.Volume;

class SegmentationPairsTest {

    private static final int[] SHAPE = {6, 5, 4};
    private static final Affine GRID = Affine.fromRows(new double[] {1.5, 0, 0, -10}, new double[] {0, 1.5, 0, 20},
            new double[] {0, 0, 2, 5});
    /** The offset of pixdim[1] in a NIfTI-1 header. */
    private static final int PIXDIM_1 = 80;

    @TempDir
    Path dir;

    /** A label map on {@link #GRID}: a block of 1s with a 2 and a 4 inside, the rest 0. */
    private static float[] labels() {
        float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int z = 1; z < 3; z++) {
            for (int y = 1; y < 4; y++) {
                for (int x = 1; x < 5; x++) {
                    values[x + SHAPE[0] * (y + SHAPE[1] * z)] = 1;
                }
            }
        }
        values[2 + SHAPE[0] * (2 + SHAPE[1])] = 2;
        values[3 + SHAPE[0] * (2 + SHAPE[1] * 2)] = 4;
        return values;
    }

    private Path write(String name, float[] values, Affine affine, NiftiDataType type) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.of(type).write(Volume.wrap(Geometry.of(Extent.of(SHAPE), affine), 1, values), file);
        return file;
    }

    private Path write(String name, float[] values) throws IOException {
        return write(name, values, GRID, NiftiDataType.UINT8);
    }

    /** Scores a prediction against a copy of {@link #labels()}, and expects it refused naming the prediction. */
    private void assertRefused(Path prediction, String... phrases) throws IOException {
        Path reference = write("reference.nii.gz", labels());
        SegmentationPairs pairs = SegmentationPairs.find(prediction, reference);

        InvalidLabelMapException e = assertThrows(InvalidLabelMapException.class,
                () -> pairs.evaluate(Structure.bratsRegions(), EmptyMaskConvention.brats()));

        assertEquals(prediction, e.file());
        assertTrue(e.getMessage().startsWith(prediction + ": "), e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void predictionsMatchBratsCaseFoldersByNameAndAPerfectCopyScoresOne() throws IOException {
        Path root = dir.resolve("data");
        new SyntheticBrats(new int[] {24, 24, 16}, 2).write(root, 2);
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        for (String id : List.of("BraTS20_Synth_000", "BraTS20_Synth_001")) {
            Files.copy(root.resolve(id).resolve(id + "_seg.nii.gz"), predictions.resolve(id + ".nii.gz"));
        }

        SegmentationPairs pairs = SegmentationPairs.find(predictions, root);
        EvaluationReport report = pairs.evaluate(Structure.bratsRegions(), EmptyMaskConvention.brats());

        assertEquals(2, pairs.pairs().size());
        for (EvaluationReport.Summary summary : report.summary()) {
            if (summary.metric().equals("dice")) {
                assertEquals(1.0, summary.mean(), 1e-12, summary.structure());
            }
        }
        Files.copy(predictions.resolve("BraTS20_Synth_000.nii.gz"), predictions.resolve("Unknown.nii.gz"));
        assertThrows(NoSuchFileException.class, () -> SegmentationPairs.find(predictions, root));
    }

    @Test
    void aValidPairScoresAsBefore() throws IOException {
        float[] predicted = labels();
        predicted[2 + SHAPE[0] * (2 + SHAPE[1])] = 1;
        Path reference = write("reference.nii.gz", labels());
        Path prediction = write("prediction.nii", predicted, GRID, NiftiDataType.FLOAT32);

        SegmentationPairs pairs = SegmentationPairs.find(prediction, reference);
        pairs.validate(Structure.bratsRegions());
        CaseScores scores = pairs.evaluate(Structure.bratsRegions(), EmptyMaskConvention.brats()).cases().get(0);

        CaseScores expected = new Evaluator(Structure.bratsRegions(), EmptyMaskConvention.brats()).evaluate(
                "prediction", Volume.wrap(Geometry.of(Extent.of(SHAPE), GRID), 1, predicted),
                Volume.wrap(Geometry.of(Extent.of(SHAPE), GRID), 1, labels()));
        // TC {1, 4}: the reference's 23 voxels against the prediction's 24, the 2 relabelled 1
        assertEquals(List.of(1.0, 2.0 * 23 / 47, 1.0), scores.dice());
        assertEquals(expected.structures(), scores.structures());
        assertEquals(expected.dice(), scores.dice());
        assertEquals(expected.hausdorff95(), scores.hausdorff95());
    }

    @Test
    void aFloatImageWithNaNsIsRefusedAsAPrediction() throws IOException {
        float[] image = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int v = 0; v < image.length; v++) {
            image[v] = 100 + 0.37f * v;
        }
        image[7] = Float.NaN;

        assertRefused(write("mr.nii.gz", image, GRID, NiftiDataType.FLOAT32), "not a label map",
                "voxel (1, 1, 0) is NaN");
    }

    @Test
    void labelsOutsideTheScoredSetAreRefused() throws IOException {
        float[] three = labels();
        three[5] = 3;
        assertRefused(write("three.nii.gz", three), "label(s) 3 are not among the labels scored {0, 1, 2, 4}",
                "1 voxel(s), the first at (5, 0, 0)");

        float[] fraction = labels();
        fraction[0] = 0.5f;
        assertRefused(write("half.nii.gz", fraction, GRID, NiftiDataType.FLOAT32), "voxel (0, 0, 0) is 0.5",
                "not a whole number", "1 voxel(s) are not among the labels scored {0, 1, 2, 4}");

        float[] negative = labels();
        negative[1] = -1;
        negative[2] = 255;
        assertRefused(write("negative.nii.gz", negative, GRID, NiftiDataType.INT16), "label(s) -1, 255 are",
                "2 voxel(s)");
    }

    @Test
    void labelsAreCheckedAgainstTheLabelsScored() throws IOException {
        Path reference = write("reference.nii.gz", labels());
        Path prediction = write("prediction.nii.gz", labels());
        SegmentationPairs pairs = SegmentationPairs.find(prediction, reference);

        pairs.validate(Structure.perLabel(new int[] {4, 2, 1}));
        InvalidLabelMapException e = assertThrows(InvalidLabelMapException.class,
                () -> pairs.validate(Structure.perLabel(new int[] {1, 2})));
        assertTrue(e.getMessage().startsWith(prediction + ": label(s) 4 "), e.getMessage());
    }

    @Test
    void aPredictionOnAnotherGridIsRefused() throws IOException {
        Affine shifted = Affine.fromRows(new double[] {1.5, 0, 0, -9}, new double[] {0, 1.5, 0, 20},
                new double[] {0, 0, 2, 5});
        assertRefused(write("shifted.nii.gz", labels(), shifted, NiftiDataType.UINT8),
                "not on the grid of its reference", "affine", "by up to 1.0");

        Affine nearly = Affine.fromRows(new double[] {1.5, 0, 0, -10.0005}, new double[] {0, 1.5, 0, 20},
                new double[] {0, 0, 2, 5});
        Path withinTolerance = write("nearly.nii.gz", labels(), nearly, NiftiDataType.UINT8);
        SegmentationPairs.find(withinTolerance, dir.resolve("reference.nii.gz")).validate(Structure.bratsRegions());

        Path other = dir.resolve("other.nii.gz");
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(Geometry.of(new Extent(6, 5, 5), GRID), 1,
                new float[6 * 5 * 5]), other);
        assertRefused(other, "shape 6x5x5 differs from 6x5x4");
    }

    @Test
    void aNanSpacingIsRefusedNotReplacedByOneMillimetre() throws IOException {
        Path prediction = write("prediction.nii", labels());
        byte[] bytes = Files.readAllBytes(prediction);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(PIXDIM_1, Float.NaN);
        Files.write(prediction, bytes);

        assertRefused(prediction, "pixdim[1] is NaN", "positive finite");
    }

    @Test
    void everyPairIsCheckedBeforeAnyIsScored() throws IOException {
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        Path references = Files.createDirectories(dir.resolve("references"));
        float[] bad = labels();
        bad[0] = 3;
        for (String id : List.of("a", "b")) {
            write("references/" + id + ".nii.gz", labels());
        }
        write("predictions/a.nii.gz", labels());
        Path b = write("predictions/b.nii.gz", bad);
        SegmentationPairs pairs = SegmentationPairs.find(predictions, references);

        InvalidLabelMapException e = assertThrows(InvalidLabelMapException.class,
                () -> pairs.evaluate(Structure.bratsRegions(), EmptyMaskConvention.brats()));
        assertEquals(b, e.file());
    }
}
