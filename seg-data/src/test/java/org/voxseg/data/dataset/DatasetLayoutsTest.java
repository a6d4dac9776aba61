package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.synthetic.LayoutWriter;
import org.voxseg.data.synthetic.SyntheticBrats;
import org.voxseg.data.synthetic.SyntheticCase;

/** Each public layout is found from its root alone, with its channels, labels and cases from its own description. */
class DatasetLayoutsTest {

    private static final SyntheticBrats CASES = new SyntheticBrats(new int[] {16, 16, 16}, 4);

    @TempDir
    Path dir;

    private DatasetDescription written(DatasetLayout layout, int cases, int testCases) throws IOException {
        Path root = dir.resolve(layout.name());
        new LayoutWriter(layout, testCases).write(CASES, root, cases);
        return DatasetLayouts.describe(root);
    }

    @Test
    void brats2020CaseFoldersAreFoundWithTheEditionsNamesAndLabels() throws IOException {
        DatasetDescription found = written(DatasetLayout.BRATS_2020, 3, 1);

        assertEquals(DatasetLayout.BRATS_2020, found.layout());
        assertEquals(List.of("flair", "t1", "t1ce", "t2"), found.channels());
        assertEquals(Optional.of(LabelScheme.regions(List.of(2, 1, 4), List.of("WT", "TC", "ET"))), found.labels());
        assertEquals(List.of("BraTS20_Synth_000", "BraTS20_Synth_001"),
                found.labelledCases().stream().map(CaseFiles::id).toList());
        assertEquals(List.of("BraTS20_Synth_002"), found.unlabelledCases().stream().map(CaseFiles::id).toList());
        assertEquals(3, found.trainingCases().size(), "a BraTS case folder without its label map is reported");
    }

    @Test
    void bratsCase355sMisnamedLabelMapIsFound() throws IOException {
        Path root = dir.resolve("MICCAI_BraTS2020_TrainingData");
        new LayoutWriter(DatasetLayout.BRATS_2020, 0).write(CASES, root, 1);
        Path folder = Files.move(root.resolve("BraTS20_Synth_000"), root.resolve("BraTS20_Training_355"));
        for (String part : List.of("flair", "t1", "t1ce", "t2")) {
            Files.move(folder.resolve("BraTS20_Synth_000_" + part + ".nii.gz"),
                    folder.resolve("BraTS20_Training_355_" + part + ".nii.gz"));
        }
        Files.move(folder.resolve("BraTS20_Synth_000_seg.nii.gz"), folder.resolve("W39_1998.09.19_Segm.nii.gz"));

        CaseFiles found = DatasetLayouts.describe(root).cases().get(0);

        assertEquals(Optional.of(folder.resolve("W39_1998.09.19_Segm.nii.gz")), found.label());
    }

    @Test
    void brats2023CaseFoldersAreFoundWithDashedNamesAndEnhancingThree() throws IOException {
        DatasetDescription found = written(DatasetLayout.BRATS_2023, 3, 1);

        assertEquals(DatasetLayout.BRATS_2023, found.layout());
        assertEquals(List.of("t2f", "t1n", "t1c", "t2w"), found.channels());
        assertEquals(Optional.of(LabelScheme.regions(List.of(2, 1, 3), List.of("WT", "TC", "ET"))), found.labels());
        CaseFiles first = found.cases().get(0);
        assertEquals("BraTS-GLI-00000-000", first.id());
        assertEquals("BraTS-GLI-00000-000-t2f.nii.gz", first.images().get(0).getFileName().toString());
        assertEquals("BraTS-GLI-00000-000-seg.nii.gz", first.label().orElseThrow().getFileName().toString());
        assertEquals(List.of("BraTS-GLI-00002-000"), found.unlabelledCases().stream().map(CaseFiles::id).toList());
    }

    @Test
    void brats2023LabelsAreBrats2020sWithEnhancingRenumbered() throws IOException {
        DatasetDescription old = written(DatasetLayout.BRATS_2020, 1, 0);
        DatasetDescription current = written(DatasetLayout.BRATS_2023, 1, 0);

        float[] before = CaseLoader.load(old.cases().get(0)).labels().orElseThrow().toArray();
        float[] after = CaseLoader.load(current.cases().get(0)).labels().orElseThrow().toArray();

        for (int v = 0; v < before.length; v++) {
            assertEquals(before[v] == 4 ? 3 : before[v], after[v], "voxel " + v);
        }
        assertTrue(contains(before, 4), "the case has enhancing tumour");
    }

    @Test
    void aDecathlonTaskIsReadFromItsDatasetJsonWithFourDimensionalImages() throws IOException {
        DatasetDescription found = written(DatasetLayout.DECATHLON, 3, 1);
        Files.writeString(found.root().resolve("imagesTr/._BRATS_001.nii.gz"), "a macOS resource fork");

        found = DatasetLayouts.describe(found.root());

        assertEquals(DatasetLayout.DECATHLON, found.layout());
        assertEquals(List.of("FLAIR", "T1w", "t1gd", "T2w"), found.channels());
        assertEquals(Optional.of(LabelScheme.regions(List.of(1, 2, 3), List.of("WT", "TC", "ET"))), found.labels());
        assertEquals(List.of("BRATS_001", "BRATS_002"), found.trainingCases().stream().map(CaseFiles::id).toList());
        assertEquals(List.of("BRATS_003"), found.unlabelledCases().stream().map(CaseFiles::id).toList());
        CaseLoader.LoadedCase loaded = CaseLoader.load(found.cases().get(0));
        SyntheticCase generated = CASES.generate(0);
        assertEquals(4, loaded.image().channels());
        assertArrayEquals(generated.image().toArray(), loaded.image().toArray(), "channels in the file's order");
        assertEquals(4, loaded.channelFiles().size());
    }

    @Test
    void aDecathlonTaskOtherThanBrainTumourHasOneHotClasses() throws IOException {
        Path root = Files.createDirectories(dir.resolve("Task09_Spleen"));
        Files.writeString(root.resolve("dataset.json"), """
                {"name": "Spleen", "modality": {"0": "CT"}, "labels": {"0": "background", "1": "spleen"},
                 "training": [{"image": "./imagesTr/spleen_2.nii.gz", "label": "./labelsTr/spleen_2.nii.gz"}],
                 "test": ["./imagesTs/spleen_1.nii.gz"]}""");

        DatasetDescription found = DatasetLayouts.describe(root);

        assertEquals(List.of("CT"), found.channels());
        assertEquals(Optional.of(LabelScheme.classes(List.of(1), List.of("spleen"))), found.labels());
        assertEquals(List.of("background", "spleen"), found.labels().orElseThrow().outputNames());
        assertEquals(root.resolve("imagesTr/spleen_2.nii.gz"), found.cases().get(0).images().get(0));
    }

    @Test
    void anNnUnetRawDatasetTrainsItsRegionsAsNestedOutputs() throws IOException {
        DatasetDescription found = written(DatasetLayout.NNUNET_RAW, 3, 1);

        assertEquals(DatasetLayout.NNUNET_RAW, found.layout());
        assertEquals(List.of("FLAIR", "T1w", "t1gd", "T2w"), found.channels());
        assertEquals(Optional.of(LabelScheme.regions(List.of(1, 2, 3),
                List.of("whole tumor", "tumor core", "enhancing tumor"))), found.labels());
        CaseFiles first = found.trainingCases().get(0);
        assertEquals("BraTS_001", first.id());
        assertEquals("BraTS_001_0003.nii.gz", first.images().get(3).getFileName().toString());
        assertEquals(List.of("BraTS_003"), found.unlabelledCases().stream().map(CaseFiles::id).toList());
    }

    @Test
    void nnUnetLabelsWithoutRegionsAreClasses() throws IOException {
        Path root = nnUnet("""
                {"channel_names": {"0": "T2", "1": "ADC"}, "labels": {"background": 0, "PZ": 1, "TZ": 2},
                 "numTraining": 0, "file_ending": ".nii.gz"}""");

        DatasetDescription found = DatasetLayouts.describe(root);

        assertEquals(List.of("T2", "ADC"), found.channels());
        assertEquals(Optional.of(LabelScheme.classes(List.of(1, 2), List.of("PZ", "TZ"))), found.labels());
    }

    @Test
    void regionsThatDoNotNestAreRefusedInOneLine() throws IOException {
        Path root = nnUnet("""
                {"channel_names": {"0": "T1"}, "labels": {"background": 0, "tumour": [1, 2], "cavity": [3]},
                 "regions_class_order": [1, 3], "file_ending": ".nii.gz"}""");

        IOException refused = assertThrows(IOException.class, () -> DatasetLayouts.describe(root));

        assertTrue(refused.getMessage().startsWith(root.resolve("dataset.json") + ": 'labels': the regions"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("voxseg trains regions each inside the one before"),
                refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
    }

    @Test
    void aFileEndingVoxsegDoesNotReadIsRefused() throws IOException {
        Path root = nnUnet("""
                {"channel_names": {"0": "R"}, "labels": {"background": 0, "cell": 1}, "file_ending": ".png"}""");

        IOException refused = assertThrows(IOException.class, () -> DatasetLayouts.describe(root));

        assertEquals(root.resolve("dataset.json") + ": 'file_ending': '.png' is not read; voxseg reads .nii.gz and"
                + " .nii", refused.getMessage());
    }

    @Test
    void aJsonFileIsACaseListWithoutDescription() throws IOException {
        Path list = dir.resolve("cases.json");
        Files.writeString(list, "[{\"image\": [\"a.nii.gz\"], \"label\": \"a_seg.nii.gz\"}]");

        DatasetDescription found = DatasetLayouts.describe(list);

        assertEquals(DatasetLayout.CASE_LIST, found.layout());
        assertEquals(List.of(), found.channels());
        assertEquals(Optional.empty(), found.labels());
        assertEquals("a", found.cases().get(0).id());
    }

    private Path nnUnet(String json) throws IOException {
        Path root = Files.createDirectories(dir.resolve("Dataset009_Test"));
        Files.createDirectories(root.resolve("imagesTr"));
        Files.writeString(root.resolve("dataset.json"), json);
        return root;
    }

    private static boolean contains(float[] values, float value) {
        for (float v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
