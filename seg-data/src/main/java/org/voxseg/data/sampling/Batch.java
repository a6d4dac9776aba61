package org.voxseg.data.sampling;

/**
 * A batch of training patches as flat arrays ready for a tensor of shape (size, channels, z, y, x): images and
 * their encoded targets.
 *
 * @param size patches in the batch
 * @param channels image channels
 * @param targetChannels target channels (regions or one-hot classes)
 * @param shape patch voxels along x, y, z
 * @param images size * channels * voxels values
 * @param targets size * targetChannels * voxels values
 */
public record Batch(int size, int channels, int targetChannels, int[] shape, float[] images, float[] targets) {

    public Batch {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The tensor shape of the images, (size, channels, z, y, x). */
    public long[] imageTensorShape() {
        return new long[] {size, channels, shape[2], shape[1], shape[0]};
    }

    /** The tensor shape of the targets, (size, targetChannels, z, y, x). */
    public long[] targetTensorShape() {
        return new long[] {size, targetChannels, shape[2], shape[1], shape[0]};
    }
}
