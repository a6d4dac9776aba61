package org.voxseg.data.sampling;

import org.voxseg.data.geometry.Extent;

/**
 * A batch of training patches as flat arrays ready for a tensor of shape (size, channels, z, y, x): images and
 * their encoded targets. A class, not a record: it carries voxel arrays, which a record would compare by identity.
 */
public final class Batch {

    private final int size;
    private final int channels;
    private final int targetChannels;
    private final Extent shape;
    private final float[] images;
    private final float[] targets;

    /**
     * @param size patches in the batch
     * @param channels image channels
     * @param targetChannels target channels (regions or one-hot classes)
     * @param shape patch voxels along x, y, z
     * @param images size * channels * voxels values
     * @param targets size * targetChannels * voxels values
     */
    public Batch(int size, int channels, int targetChannels, Extent shape, float[] images, float[] targets) {
        this.size = size;
        this.channels = channels;
        this.targetChannels = targetChannels;
        this.shape = shape;
        this.images = images;
        this.targets = targets;
    }

    /** Patches in the batch. */
    public int size() {
        return size;
    }

    /** Image channels. */
    public int channels() {
        return channels;
    }

    /** Target channels (regions or one-hot classes). */
    public int targetChannels() {
        return targetChannels;
    }

    /** Patch voxels along x, y, z. */
    public Extent shape() {
        return shape;
    }

    /** The images, size * channels * voxels values (the batch's own array). */
    public float[] images() {
        return images;
    }

    /** The targets, size * targetChannels * voxels values (the batch's own array). */
    public float[] targets() {
        return targets;
    }

    /** The tensor shape of the images, (size, channels, z, y, x). */
    public long[] imageTensorShape() {
        return new long[] {size, channels, shape.z(), shape.y(), shape.x()};
    }

    /** The tensor shape of the targets, (size, targetChannels, z, y, x). */
    public long[] targetTensorShape() {
        return new long[] {size, targetChannels, shape.z(), shape.y(), shape.x()};
    }
}
