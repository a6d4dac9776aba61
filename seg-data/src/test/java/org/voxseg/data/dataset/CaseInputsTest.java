package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.synthetic.LayoutWriter;
import org.voxseg.data.synthetic.SyntheticBrats;

class CaseInputsTest {

    private static final List<String> CHANNELS = BratsLayout.DEFAULT_CHANNELS;

    @TempDir
    Path dir;

    @BeforeEach
    void writeCases() throws IOException {
        new SyntheticBrats(new int[] {16, 16, 16}, 1).write(dir, 2);
    }

    @Test
    void aRootGivesEveryCaseAndACaseFolderItsOwn() throws IOException {
        assertEquals(2, CaseInputs.resolve(List.of(dir), CHANNELS).size());

        List<CaseFiles> one = CaseInputs.resolve(List.of(dir.resolve("BraTS20_Synth_001")), CHANNELS);

        assertEquals(1, one.size());
        assertEquals("BraTS20_Synth_001", one.get(0).id());
        assertEquals(4, one.get(0).images().size());
    }

    @Test
    void explicitFilesAreOneCaseNamedWithoutTheChannelSuffix() throws IOException {
        Path folder = dir.resolve("BraTS20_Synth_000");
        List<Path> files = CHANNELS.stream().map(c -> folder.resolve("BraTS20_Synth_000_" + c + ".nii.gz")).toList();

        List<CaseFiles> cases = CaseInputs.resolve(files, CHANNELS);

        assertEquals("BraTS20_Synth_000", cases.get(0).id());
        assertEquals(files, cases.get(0).images());
        IOException tooFew = assertThrows(IOException.class, () -> CaseInputs.resolve(files.subList(0, 2), CHANNELS));
        assertTrue(tooFew.getMessage().contains("expects 4 channels in this order: flair, t1, t1ce, t2"),
                tooFew.getMessage());
        assertThrows(NoSuchFileException.class, () -> CaseInputs.resolve(List.of(dir.resolve("nope")), CHANNELS));
    }

    @Test
    void checkedResolutionNamesTheFirstProblemAndRefusesAnEmptyRoot() throws IOException {
        int[] labels = {1, 2, 4};
        assertEquals(2, CaseInputs.resolveChecked(List.of(dir), CHANNELS, labels).size());

        Path broken = dir.resolve("BraTS20_Synth_001").resolve("BraTS20_Synth_001_t2.nii.gz");
        Files.write(broken, new byte[] {1, 2, 3});
        IOException problem = assertThrows(IOException.class,
                () -> CaseInputs.resolveChecked(List.of(dir), CHANNELS, labels));
        assertTrue(problem.getMessage().contains(broken.toString()), problem.getMessage());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        IOException none = assertThrows(IOException.class,
                () -> CaseInputs.resolveChecked(List.of(empty), CHANNELS, labels));
        assertTrue(none.getMessage().endsWith("no cases found"), none.getMessage());
    }

    @Test
    void eachPublicLayoutPredictsItsTestCasesUnderTheirOwnIds() throws IOException {
        SyntheticBrats generator = new SyntheticBrats(new int[] {16, 16, 16}, 2);
        Path decathlon = dir.resolve("Task01_BrainTumour");
        new LayoutWriter(DatasetLayout.DECATHLON, 2).write(generator, decathlon, 3);
        Path nnUnet = dir.resolve("Dataset001_BraTS");
        new LayoutWriter(DatasetLayout.NNUNET_RAW, 2).write(generator, nnUnet, 3);
        Path brats = dir.resolve("BraTS2023_Validation");
        new LayoutWriter(DatasetLayout.BRATS_2023, 0).write(generator, brats, 2);

        assertEquals(List.of("BRATS_002", "BRATS_003"), ids(List.of(decathlon)), "the dataset's test cases");
        assertEquals(List.of("BRATS_002", "BRATS_003"), ids(List.of(decathlon.resolve("imagesTs"))),
                "a folder of 4-D one-file cases");
        assertEquals(List.of("BraTS_002", "BraTS_003"), ids(List.of(nnUnet.resolve("imagesTs"))),
                "a folder of nnU-Net channel files");
        assertEquals(List.of("BRATS_001"), ids(List.of(decathlon.resolve("imagesTr/BRATS_001.nii.gz"))),
                "one 4-D file");
        List<String> t2f = List.of("t2f", "t1n", "t1c", "t2w");
        Path case0 = brats.resolve("BraTS-GLI-00000-000");
        assertEquals(List.of("BraTS-GLI-00000-000", "BraTS-GLI-00001-000"), ids(List.of(brats), t2f));
        assertEquals(List.of("BraTS-GLI-00000-000"), ids(List.of(case0), t2f), "a case folder");
        assertEquals(List.of("BraTS-GLI-00000-000"), ids(t2f.stream().map(c -> case0.resolve(
                "BraTS-GLI-00000-000-" + c + ".nii.gz")).toList(), t2f), "explicit files");
        assertEquals(List.of(), new DatasetValidator(new int[] {1, 2, 3}, false, 4)
                .validateHeaders(CaseInputs.resolve(List.of(decathlon), CHANNELS)), "4 channels in each 4-D file");
    }

    private static List<String> ids(List<Path> inputs) throws IOException {
        return ids(inputs, CHANNELS);
    }

    private static List<String> ids(List<Path> inputs, List<String> channels) throws IOException {
        return CaseInputs.resolve(inputs, channels).stream().map(CaseFiles::id).toList();
    }

    @Test
    void aCasesChannelFilesStraightInAFolderAreRefusedSayingHowToLayThemOut() throws IOException {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        for (String channel : CHANNELS) {
            Files.copy(dir.resolve("BraTS20_Synth_000/BraTS20_Synth_000_" + channel + ".nii.gz"),
                    flat.resolve("BraTS20_Synth_000_" + channel + ".nii.gz"));
        }

        IOException refused = assertThrows(IOException.class, () -> CaseInputs.resolve(List.of(flat), CHANNELS));

        assertTrue(refused.getMessage().contains("holds NIfTI files but no case folders"), refused.getMessage());
    }
}
