package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.nifti.NiftiDataType;

class CaseDataChecksTest {

    private static final int[] BRATS = {2, 1, 4};

    @TempDir
    Path root;

    @Test
    void checksTheLoadedValuesAndNamesTheirFiles() throws IOException {
        Path folder = TinyBrats.writeCase(root, "case_1");
        float[] withInfinity = TinyBrats.channelValues(1);
        withInfinity[3] = Float.POSITIVE_INFINITY;
        TinyBrats.write(folder.resolve("case_1_t1.nii.gz"), TinyBrats.GRID, withInfinity, NiftiDataType.FLOAT32);
        TinyBrats.write(folder.resolve("case_1_t2.nii.gz"), TinyBrats.GRID, new float[TinyBrats.GRID.voxelCount()],
                NiftiDataType.INT16);
        float[] labels = new float[TinyBrats.GRID.voxelCount()];
        labels[5] = 3;
        TinyBrats.write(folder.resolve("case_1_seg.nii.gz"), TinyBrats.GRID, labels, NiftiDataType.UINT8);
        CaseFiles entry = BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0);

        List<String> problems = new CaseDataChecks(BRATS).check(entry, CaseLoader.load(entry)).stream()
                .map(DatasetProblem::toString).toList();

        assertEquals(List.of(
                "case_1: " + folder.resolve("case_1_t1.nii.gz") + ": 0 NaN and 1 infinite values",
                "case_1: " + folder.resolve("case_1_t2.nii.gz") + ": empty image: every voxel is 0.0",
                "case_1: " + folder.resolve("case_1_seg.nii.gz")
                        + ": label values [3.0] are not 0 or one of the configured labels [2, 1, 4]; BraTS 2020 and"
                        + " 2021 label enhancing tumour 4 (dataset.labels [2, 1, 4]), 2023 and later 3 ([2, 1, 3]):"
                        + " give the labels of the edition the files come from, or name the folder as dataset.root,"
                        + " which reads the edition from the file names"),
                problems);
    }

    @Test
    void aCleanCaseHasNoProblem() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        CaseFiles entry = BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0);

        assertEquals(List.of(), new CaseDataChecks(BRATS).check(entry, CaseLoader.load(entry)));
    }

    @Test
    void storedLabelValuesAreCheckedAgainstTheLabels() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        CaseFiles entry = BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0);
        CaseDataChecks checks = new CaseDataChecks(BRATS);

        assertEquals(List.of(), checks.checkLabelValues(entry, new int[] {1, 2, 4}));
        assertEquals("label values [3.0, 7.0] are not 0 or one of the configured labels [2, 1, 4]",
                checks.checkLabelValues(entry, new int[] {1, 3, 7}).get(0).message());
    }

    @Test
    void aMapNumberedAsTheOtherBratsEditionIsToldWhatToGive() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        CaseFiles entry = BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0);

        String message = new CaseDataChecks(new int[] {1, 2, 3}).checkLabelValues(entry, new int[] {1, 2, 4}).get(0)
                .message();

        assertEquals("label values [4.0] are not 0 or one of the configured labels [1, 2, 3]; BraTS 2020 and 2021 "
                + "label enhancing tumour 4 (dataset.labels [2, 1, 4]), 2023 and later 3 ([2, 1, 3]): give the labels "
                + "of the edition the files come from, or name the folder as dataset.root, which reads the edition "
                + "from the file names", message);
    }
}
