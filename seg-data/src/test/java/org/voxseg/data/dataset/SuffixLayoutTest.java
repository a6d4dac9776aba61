package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.nifti.NiftiDataType;

class SuffixLayoutTest {

    @TempDir
    Path root;

    @Test
    void findsNnunetStyleCases() throws IOException {
        Path images = Files.createDirectories(root.resolve("imagesTr"));
        Path labels = Files.createDirectories(root.resolve("labelsTr"));
        for (String id : new String[] {"liver_7", "liver_10"}) {
            for (int c = 0; c < 2; c++) {
                TinyBrats.write(images.resolve(id + "_000" + c + ".nii.gz"), TinyBrats.GRID,
                        TinyBrats.channelValues(c), NiftiDataType.INT16);
            }
        }
        TinyBrats.write(labels.resolve("liver_7.nii"), TinyBrats.GRID, new float[TinyBrats.GRID.voxelCount()],
                NiftiDataType.UINT8);
        Files.writeString(images.resolve("dataset.json"), "{}");

        List<CaseFiles> cases = SuffixLayout.discover(images, Optional.of(labels), 2);

        assertEquals(List.of("liver_10", "liver_7"), cases.stream().map(CaseFiles::id).toList());
        assertEquals(List.of(images.resolve("liver_7_0000.nii.gz"), images.resolve("liver_7_0001.nii.gz")),
                cases.get(1).images());
        assertEquals(labels.resolve("liver_7.nii"), cases.get(1).label().orElseThrow());
        assertTrue(cases.get(0).label().isEmpty());
    }

    @Test
    void channelFileNamesUseAsciiDigitsInEveryLocale() throws IOException {
        Path images = Files.createDirectories(root.resolve("imagesTs"));
        TinyBrats.write(images.resolve("liver_3_0000.nii.gz"), TinyBrats.GRID, TinyBrats.channelValues(0),
                NiftiDataType.INT16);
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        try {
            List<CaseFiles> cases = SuffixLayout.discover(images, Optional.empty(), 1);

            assertEquals(List.of(images.resolve("liver_3_0000.nii.gz")), cases.get(0).images());
        } finally {
            Locale.setDefault(before);
        }
    }
}
