package org.voxseg.data.transform;

import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/** Small volumes for transform tests. */
final class Volumes {

    /** An oblique, left-handed grid (example4d.nii.gz's affine). */
    static final Affine OBLIQUE = Affine.fromRows(
            new double[] {-2.0, 0.0, 0.0, 117.855103},
            new double[] {0.0, 1.973711, -0.355528, -35.722942},
            new double[] {0.0, 0.323208, 2.171082, -7.248798});

    private Volumes() {
    }

    /** A one-channel volume whose voxel (i, j, k) holds {@code f(i, j, k)}. */
    static Volume of(int[] shape, Affine affine, VoxelFunction f) {
        float[] data = new float[shape[0] * shape[1] * shape[2]];
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++) {
                    data[at++] = f.value(i, j, k);
                }
            }
        }
        return Volume.wrap(Geometry.of(Extent.of(shape), affine), 1, data);
    }

    /** A value per voxel index. */
    @FunctionalInterface
    interface VoxelFunction {
        float value(int i, int j, int k);
    }
}
