package org.voxseg.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.dataset.DatasetLayout;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.synthetic.LayoutWriter;
import org.voxseg.data.synthetic.SyntheticBrats;
import org.voxseg.data.volume.Volume;

/** {@code voxseg dataset check} on broken datasets: every problem listed, exit 1, nothing written. */
class DatasetCheckCommandTest {

    private static final SyntheticBrats CASES = new SyntheticBrats(new int[] {16, 16, 16}, 2);

    @TempDir
    Path dir;

    @Test
    void aBrokenDecathlonTaskHasEveryProblemListedAndNothingWritten() throws IOException {
        Path root = dir.resolve("Task01_BrainTumour");
        new LayoutWriter(DatasetLayout.DECATHLON, 0).write(CASES, root, 3);
        Path image = root.resolve("imagesTr/BRATS_001.nii.gz");
        Volume four = NiftiReader.read(image).volume();
        float[] three = new float[3 * four.voxelsPerChannel()];
        four.data().get(three);
        NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(four.geometry(), 3, three), image);
        Path label = root.resolve("labelsTr/BRATS_002.nii.gz");
        float[] labels = NiftiReader.read(label).volume().toArray();
        labels[0] = 5;
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(four.geometry(), 1, labels), label);
        Files.delete(root.resolve("imagesTr/BRATS_003.nii.gz"));
        List<Path> before = files(dir);

        CommandRun check = CommandRun.of("dataset", "check", root.toString());

        assertEquals(1, check.exitCode(), check.out());
        assertTrue(check.out().contains("problems: 3"), check.out());
        assertTrue(check.out().contains("BRATS_001: " + image + ": 3 channel(s) in 1 image file(s) for 4 channels "
                + "(dims [16, 16, 16, 3])"), check.out());
        assertTrue(check.out().contains("BRATS_002: " + label + ": label values [5.0] are not 0 or one of"),
                check.out());
        assertTrue(check.out().contains("BRATS_003: " + root.resolve("imagesTr/BRATS_003.nii.gz") + ": missing file"),
                check.out());
        assertEquals(before, files(dir), "nothing written");
    }

    @Test
    void aBrats2023CaseMissingAChannelIsNamed() throws IOException {
        Path root = dir.resolve("ASNR-MICCAI-BraTS2023-GLI-Challenge-TrainingData");
        new LayoutWriter(DatasetLayout.BRATS_2023, 0).write(CASES, root, 2);
        Path missing = root.resolve("BraTS-GLI-00001-000/BraTS-GLI-00001-000-t1c.nii.gz");
        Files.delete(missing);

        CommandRun check = CommandRun.of("dataset", "check", root.toString());

        assertEquals(1, check.exitCode(), check.out());
        assertTrue(check.out().contains("cases:    2 with label maps, 0 without"), check.out());
        assertTrue(check.out().contains("problems: 1"), check.out());
        assertTrue(check.out().contains("BraTS-GLI-00001-000: " + missing + ": missing file"), check.out());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().toList();
        }
    }
}
