package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;

class DatasetValidatorTest {

    private static final int[] BRATS = {2, 1, 4};

    @TempDir
    Path root;

    @Test
    void aCleanDatasetHasNoProblem() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        TinyBrats.writeCase(root, "case_2");

        List<DatasetProblem> problems = new DatasetValidator(BRATS, true)
                .validate(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)));

        assertEquals(List.of(), problems);
    }

    @Test
    void reportsEveryProblemOfEveryCaseAtOnce() throws IOException {
        Path one = TinyBrats.writeCase(root, "case_1");
        Files.delete(one.resolve("case_1_t1ce.nii.gz"));
        float[] badLabels = new float[TinyBrats.GRID.voxelCount()];
        badLabels[0] = 3;
        badLabels[1] = 5;
        TinyBrats.write(one.resolve("case_1_seg.nii.gz"), TinyBrats.GRID, badLabels, NiftiDataType.UINT8);

        Path two = TinyBrats.writeCase(root, "case_2");
        float[] smaller = new float[90];
        smaller[0] = 1;
        TinyBrats.write(two.resolve("case_2_t2.nii.gz"), Geometry.of(new Extent(6, 5, 3), Affine.identity()),
                smaller, NiftiDataType.INT16);
        float[] withNan = TinyBrats.channelValues(0);
        withNan[4] = Float.NaN;
        TinyBrats.write(two.resolve("case_2_flair.nii.gz"), TinyBrats.GRID, withNan, NiftiDataType.FLOAT32);

        Path three = TinyBrats.writeCase(root, "case_3");
        TinyBrats.write(three.resolve("case_3_t1.nii.gz"), TinyBrats.GRID, new float[TinyBrats.GRID.voxelCount()],
                NiftiDataType.INT16);
        Files.writeString(three.resolve("case_3_t2.nii.gz"), "garbage");
        Files.delete(three.resolve("case_3_seg.nii.gz"));

        List<String> problems = new DatasetValidator(BRATS, true)
                .validate(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS))).stream()
                .map(DatasetProblem::toString).toList();

        assertEquals(List.of(
                "case_1: " + one.resolve("case_1_t1ce.nii.gz") + ": missing file",
                "case_1: " + one.resolve("case_1_seg.nii.gz")
                        + ": label values [3.0, 5.0] are not 0 or one of the configured labels [2, 1, 4]",
                "case_2: " + two.resolve("case_2_flair.nii.gz") + ": 1 NaN and 0 infinite values",
                "case_2: " + two.resolve("case_2_t2.nii.gz")
                        + ": not on the grid of case_2_flair.nii.gz: shape 6x5x3 differs from 6x5x4",
                "case_3: " + three.resolve("case_3_t1.nii.gz") + ": empty image: every voxel is 0.0",
                "case_3: " + three.resolve("case_3_t2.nii.gz")
                        + ": not a NIfTI file: sizeof_hdr is 1651663207, expected 348 (NIfTI-1) or 540 (NIfTI-2)",
                "case_3: " + three + ": no label map (expected a file for the case's labels)"),
                problems);
    }

    @Test
    void headerChecksLeaveTheValuesToPreprocessing() throws IOException {
        Path one = TinyBrats.writeCase(root, "case_1");
        float[] badLabels = new float[TinyBrats.GRID.voxelCount()];
        badLabels[0] = 3;
        TinyBrats.write(one.resolve("case_1_seg.nii.gz"), TinyBrats.GRID, badLabels, NiftiDataType.UINT8);
        Path two = TinyBrats.writeCase(root, "case_2");
        TinyBrats.write(two.resolve("case_2_t2.nii.gz"), Geometry.of(new Extent(6, 5, 3), Affine.identity()),
                new float[90], NiftiDataType.INT16);
        Files.writeString(two.resolve("case_2_t1.nii.gz"), "garbage");

        List<String> problems = new DatasetValidator(BRATS, true, 4)
                .validateHeaders(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS))).stream()
                .map(DatasetProblem::toString).toList();

        assertEquals(List.of(
                "case_2: " + two.resolve("case_2_t1.nii.gz")
                        + ": not a NIfTI file: sizeof_hdr is 1651663207, expected 348 (NIfTI-1) or 540 (NIfTI-2)",
                "case_2: " + two.resolve("case_2_t2.nii.gz")
                        + ": not on the grid of case_2_flair.nii.gz: shape 6x5x3 differs from 6x5x4"),
                problems);
    }

    @Test
    void aFourDimensionalFileCountsAsItsChannels() throws IOException {
        Path one = TinyBrats.writeCase(root, "case_1");
        TinyBrats.write(one.resolve("case_1_t1.nii.gz"), TinyBrats.GRID, new float[2 * TinyBrats.GRID.voxelCount()],
                NiftiDataType.INT16);

        List<DatasetProblem> problems = new DatasetValidator(BRATS, false, TinyBrats.CHANNELS.length)
                .validateHeaders(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)));

        assertEquals(1, problems.size());
        assertEquals("5 channel(s) in 4 image file(s) for 4 channels", problems.get(0).message());
    }

    @Test
    void aFourDimensionalLabelMapIsRefused() throws IOException {
        Path one = TinyBrats.writeCase(root, "case_1");
        TinyBrats.write(one.resolve("case_1_seg.nii.gz"), TinyBrats.GRID, new float[2 * TinyBrats.GRID.voxelCount()],
                NiftiDataType.INT16);

        List<DatasetProblem> problems = new DatasetValidator(BRATS, true, TinyBrats.CHANNELS.length)
                .validateHeaders(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)));

        assertEquals(List.of("a label map is 3-D, not dims [6, 5, 4, 2]"),
                problems.stream().map(DatasetProblem::message).toList());
    }
}
