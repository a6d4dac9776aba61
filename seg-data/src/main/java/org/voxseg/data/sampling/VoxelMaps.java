package org.voxseg.data.sampling;

import org.voxseg.data.geometry.Extent;

/** Rearranges a patch's voxels by a map from each output voxel to the input voxel it takes. */
final class VoxelMaps {

    private VoxelMaps() {
    }

    /** Where output voxel (x, y, z) comes from: writes the source index into {@code source}. */
    @FunctionalInterface
    interface SourceOf {
        void find(int x, int y, int z, int[] source);
    }

    /** A patch of the same shape whose every voxel, in every channel and the labels, comes from {@code map}. */
    static Patch remap(Patch patch, SourceOf map) {
        int[] s = patch.shape().toArray();
        int voxels = patch.voxels();
        int[] from = new int[voxels];
        int[] source = new int[3];
        int at = 0;
        for (int z = 0; z < s[2]; z++) {
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[0]; x++) {
                    map.find(x, y, z, source);
                    from[at++] = source[0] + s[0] * (source[1] + s[1] * source[2]);
                }
            }
        }
        float[] image = new float[patch.image().length];
        float[] labels = new float[voxels];
        float[] inImage = patch.image();
        float[] inLabels = patch.labels();
        for (int v = 0; v < voxels; v++) {
            labels[v] = inLabels[from[v]];
            for (int c = 0; c < patch.channels(); c++) {
                image[c * voxels + v] = inImage[c * voxels + from[v]];
            }
        }
        return new Patch(Extent.of(s), patch.channels(), image, labels);
    }
}
