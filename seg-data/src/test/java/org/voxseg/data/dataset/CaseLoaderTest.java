package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.SuppressForbidden;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiFormatException;
import org.voxseg.data.nifti.NiftiWriter;
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
        TinyBrats.write(t1, Geometry.of(Extent.of(TinyBrats.SHAPE), Affine.diagonal(1, 1, 1)),
                TinyBrats.channelValues(1), NiftiDataType.INT16);

        IOException error = assertThrows(IOException.class,
                () -> CaseLoader.load(BratsLayout.discover(root, List.of(TinyBrats.CHANNELS)).get(0)));

        assertTrue(error.getMessage().startsWith("case case_1: " + t1 + " is not on the grid of "
                + folder.resolve("case_1_flair.nii.gz") + ": affine"), error.getMessage());
    }

    @Test
    @SuppressForbidden("measures allocation with com.sun.management.ThreadMXBean (HotSpot and OpenJDK)")
    void refusesATinyGzipDeclaringABillionVoxelsBeforeAllocating() throws IOException {
        Path small = root.resolve("small.nii");
        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(Geometry.of(new Extent(2, 2, 2),
                Affine.identity()), 1, new float[8]), small);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(small), 0, 352).order(ByteOrder.LITTLE_ENDIAN);
        for (int d = 0; d < 3; d++) {
            header.putShort(42 + 2 * d, (short) 1000);
        }
        Path t1 = root.resolve("case_9_t1.nii.gz");
        Path t2 = root.resolve("case_9_t2.nii.gz");
        for (Path file : List.of(t1, t2)) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(header.array(), 0, 352);
            }
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        NiftiFormatException error = assertThrows(NiftiFormatException.class,
                () -> CaseLoader.load(new CaseFiles("case_9", List.of(t1, t2), Optional.empty())));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(error.getMessage().startsWith(t1 + ": truncated data: the header declares dims [1000, 1000, 1000]"),
                error.getMessage());
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
    }

    private static float[] copy(Volume volume, int channel) {
        float[] values = new float[volume.voxelsPerChannel()];
        volume.channel(channel).get(values);
        return values;
    }
}
