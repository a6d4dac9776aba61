package org.voxseg.data.sampling;

import java.util.Arrays;

/**
 * A training patch: image channels and the label map over one box, in file order (x fastest), channel-major.
 * Arrays are owned by the patch; augmentations return new patches.
 *
 * @param shape voxels along x, y, z
 * @param channels image channels
 * @param image channels * voxels values
 * @param labels voxels label values
 */
public record Patch(int[] shape, int channels, float[] image, float[] labels) {

    public Patch {
        shape = shape.clone();
        int voxels = shape[0] * shape[1] * shape[2];
        if (image.length != channels * voxels || labels.length != voxels) {
            throw new IllegalArgumentException("patch " + Arrays.toString(shape) + " with " + channels
                    + " channels needs " + channels * voxels + " image and " + voxels + " label values, not "
                    + image.length + " and " + labels.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Voxels per channel. */
    public int voxels() {
        return shape[0] * shape[1] * shape[2];
    }
}
