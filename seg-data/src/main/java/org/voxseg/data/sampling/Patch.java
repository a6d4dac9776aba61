package org.voxseg.data.sampling;

import org.voxseg.data.geometry.Extent;

/**
 * A training patch: image channels and the label map over one box, in file order (x fastest), channel-major.
 * Arrays are owned by the patch; augmentations return new patches. A class, not a record: it carries voxel arrays,
 * which a record would compare by identity.
 */
public final class Patch {

    private final Extent shape;
    private final int channels;
    private final float[] image;
    private final float[] labels;

    /**
     * @param shape voxels along x, y, z
     * @param channels image channels
     * @param image channels * voxels values
     * @param labels voxels label values
     */
    public Patch(Extent shape, int channels, float[] image, float[] labels) {
        long voxels = shape.voxels();
        if (image.length != channels * voxels || labels.length != voxels) {
            throw new IllegalArgumentException("patch " + shape + " with " + channels + " channels needs "
                    + channels * voxels + " image and " + voxels + " label values, not " + image.length + " and "
                    + labels.length);
        }
        this.shape = shape;
        this.channels = channels;
        this.image = image;
        this.labels = labels;
    }

    /** Voxels along x, y, z. */
    public Extent shape() {
        return shape;
    }

    /** Image channels. */
    public int channels() {
        return channels;
    }

    /** The image values, channels * voxels (the patch's own array). */
    public float[] image() {
        return image;
    }

    /** The label values, one per voxel (the patch's own array). */
    public float[] labels() {
        return labels;
    }

    /** Voxels per channel. */
    public int voxels() {
        return (int) shape.voxels();
    }
}
