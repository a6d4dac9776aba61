package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/** Writes tiny BraTS-layout cases for dataset tests. */
final class TinyBrats {

    static final int[] SHAPE = {6, 5, 4};
    static final Geometry GRID = Geometry.of(Extent.of(SHAPE), Affine.diagonal(-1, -1, 1));
    static final String[] CHANNELS = {"flair", "t1", "t1ce", "t2"};

    private TinyBrats() {
    }

    /** A case folder with four int16 channels (channel c holds c + 1 + voxel index) and a uint8 label map. */
    static Path writeCase(Path root, String id) throws IOException {
        Path folder = Files.createDirectories(root.resolve(id));
        for (int c = 0; c < CHANNELS.length; c++) {
            write(folder.resolve(id + "_" + CHANNELS[c] + ".nii.gz"), GRID, channelValues(c), NiftiDataType.INT16);
        }
        float[] labels = new float[GRID.voxelCount()];
        labels[7] = 2;
        labels[8] = 1;
        labels[9] = 4;
        write(folder.resolve(id + "_seg.nii.gz"), GRID, labels, NiftiDataType.UINT8);
        return folder;
    }

    static float[] channelValues(int c) {
        float[] values = new float[GRID.voxelCount()];
        for (int v = 0; v < values.length; v++) {
            values[v] = c + 1 + v;
        }
        return values;
    }

    static void write(Path file, Geometry grid, float[] values, NiftiDataType type) throws IOException {
        NiftiWriter.of(type).write(Volume.wrap(grid, values.length / grid.voxelCount(), values), file);
    }
}
