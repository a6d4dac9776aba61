package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BratsLayoutTest {

    @TempDir
    Path root;

    @Test
    void findsCasesInNameOrderWithChannelsInConfiguredOrder() throws IOException {
        TinyBrats.writeCase(root, "BraTS20_Training_002");
        Path first = TinyBrats.writeCase(root, "BraTS20_Training_001");
        Files.move(first.resolve("BraTS20_Training_001_t1.nii.gz"), first.resolve("BraTS20_Training_001_t1.nii"));
        Files.createDirectories(root.resolve(".cache"));
        Files.writeString(root.resolve("name_mapping.csv"), "not a case");

        List<CaseFiles> cases = BratsLayout.discover(root, List.of("t2", "t1", "flair"));

        assertEquals(List.of("BraTS20_Training_001", "BraTS20_Training_002"), cases.stream().map(CaseFiles::id)
                .toList());
        CaseFiles one = cases.get(0);
        assertEquals(List.of(first.resolve("BraTS20_Training_001_t2.nii.gz"),
                first.resolve("BraTS20_Training_001_t1.nii"), first.resolve("BraTS20_Training_001_flair.nii.gz")),
                one.images());
        assertEquals(first.resolve("BraTS20_Training_001_seg.nii.gz"), one.label().orElseThrow());
    }

    @Test
    void aMissingChannelIsGivenAsTheFileItShouldBe() throws IOException {
        Path folder = TinyBrats.writeCase(root, "BraTS20_Validation_001");
        Files.delete(folder.resolve("BraTS20_Validation_001_t1ce.nii.gz"));
        Files.delete(folder.resolve("BraTS20_Validation_001_seg.nii.gz"));

        CaseFiles only = BratsLayout.discover(root, BratsLayout.DEFAULT_CHANNELS).get(0);

        assertEquals(folder.resolve("BraTS20_Validation_001_t1ce.nii.gz"), only.images().get(2));
        assertTrue(only.label().isEmpty());
    }

    @Test
    void casesFilesStraightInTheRootAreRefusedSayingHowToLayThemOut() throws IOException {
        Path folder = TinyBrats.writeCase(root, "BraTS20_Training_001");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.move(file, root.resolve(file.getFileName()));
            }
        }
        Files.delete(folder);

        IOException refused = assertThrows(IOException.class, () -> BratsLayout.discover(root,
                BratsLayout.DEFAULT_CHANNELS));

        assertTrue(refused.getMessage().startsWith(root + ": holds NIfTI files but no case folders;"),
                refused.getMessage());
    }

    @Test
    void caseFoldersOneLevelDeeperAreRefusedNamingTheFolderToGive() throws IOException {
        Path nested = root.resolve("MICCAI_BraTS2020_TrainingData");
        TinyBrats.writeCase(nested, "BraTS20_Training_001");

        IOException refused = assertThrows(IOException.class, () -> BratsLayout.discover(root,
                BratsLayout.DEFAULT_CHANNELS));

        assertEquals(root + ": the case folders are one level deeper, in " + nested + "; give that folder as the root "
                + "(dataset.brats_root, --input)", refused.getMessage());
    }

    @Test
    void rootMustBeAFolder() {
        assertThrows(NotDirectoryException.class, () -> BratsLayout.discover(root.resolve("absent"), List.of("t1")));
    }
}
