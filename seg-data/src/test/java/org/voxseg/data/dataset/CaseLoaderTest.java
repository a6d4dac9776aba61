package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.volume.Volume;

class CaseLoaderTest {

    @TempDir
    Path root;

    @Test
    void loadsChannelsInOrderIntoOneVolume() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        CaseFiles entry = BratsLayout.discover(root, List.of("t2", "flair")).get(0);

        CaseLoader.LoadedCase loaded = CaseLoader.load(entry);

        Volume image = loaded.image();
        assertEquals(2, image.channels());
        assertArrayEquals(TinyBrats.channelValues(3), copy(image, 0));
        assertArrayEquals(TinyBrats.channelValues(0), copy(image, 1));
        assertEquals(TinyBrats.GRID.affine(), image.geometry().affine());
        assertEquals(4f, loaded.labels().orElseThrow().get(0, 3, 1, 0), "voxel index 9 = (3, 1, 0)");
    }

    @Test
    void refusesChannelsOnDifferentGrids() throws IOException {
        Path folder = TinyBrats.writeCase(root, "case_1");
        Path t1 = folder.resolve("case_1_t1.nii.gz");
        TinyBrats.write(t1, Geometry.of(TinyBrats.SHAPE, Affine.diagonal(1, 1, 1)),
                TinyBrats.channelValues(1), NiftiDataType.INT16);

        IOException error = assertThrows(IOException.class,
                () -> CaseLoader.load(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0)));

        assertTrue(error.getMessage().startsWith("case case_1: " + t1 + " is not on the grid of "
                + folder.resolve("case_1_flair.nii.gz") + ": affine"), error.getMessage());
    }

    private static float[] copy(Volume volume, int channel) {
        float[] values = new float[volume.voxelsPerChannel()];
        volume.channel(channel).get(values);
        return values;
    }
}
