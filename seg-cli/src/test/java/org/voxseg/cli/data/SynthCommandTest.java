package org.voxseg.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

class SynthCommandTest {

    @TempDir
    Path dir;

    /** A 1 mm brain of 90^3 voxels: white matter (150) inside grey matter (90) inside CSF (30), 0 outside. */
    private Path anatomy() throws IOException {
        int n = 90;
        float[] values = new float[n * n * n];
        int at = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++, at++) {
                    double r = Math.sqrt((i - 45.0) * (i - 45.0) + (j - 45.0) * (j - 45.0) + (k - 45.0) * (k - 45.0));
                    values[at] = r >= 43 ? 0 : r > 40 ? 30 : r > 34 ? 90 : 150;
                }
            }
        }
        Path file = dir.resolve("brain.nii.gz");
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(Geometry.of(new Extent(n, n, n),
                Affine.diagonal(1, 1, 1)), 1, values), file);
        return file;
    }

    @Test
    void casesOnAnAnatomyAreABratsDataset() throws IOException {
        Path out = dir.resolve("cases");

        CommandRun run = CommandRun.of("synth", "--anatomy", anatomy().toString(), "--out", out.toString(),
                "--cases", "2", "--seed", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<CaseFiles> cases = BratsLayout.discover(out, BratsLayout.DEFAULT_CHANNELS);
        assertEquals(List.of("BraTS20_Anat_000", "BraTS20_Anat_001"), cases.stream().map(CaseFiles::id).toList());
    }

    @Test
    void aShapeWithAnAnatomyIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("refused");

        CommandRun run = CommandRun.of("synth", "--anatomy", anatomy().toString(), "--shape", "32,32,32", "--out",
                out.toString());

        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("--shape cannot be given with --anatomy"), run.err());
        assertFalse(Files.exists(out));
    }
}
