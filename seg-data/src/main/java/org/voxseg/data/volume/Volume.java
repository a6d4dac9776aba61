package org.voxseg.data.volume;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.voxseg.data.geometry.Geometry;

/**
 * A multi-channel float32 volume on one {@link Geometry}, in NIfTI file order: voxel (c, i, j, k) is at
 * {@code i + nx * (j + ny * k) + c * nx * ny * nz}. As a tensor that is (C, k, j, i), row-major, so the data maps to
 * an NDArray without a copy or transpose.
 *
 * <p>The voxels sit in a buffer, on the heap ({@link #wrap}) or outside it, e.g. in a memory-mapped cache file
 * ({@link #view}); the volume never hands them out writable: views are read-only, copies are copies.
 */
public final class Volume {

    private final Geometry geometry;
    private final int channels;
    private final FloatBuffer data;

    private Volume(Geometry geometry, int channels, FloatBuffer data) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        long expected = (long) channels * geometry.voxelCount();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("data holds " + data.remaining() + " values, " + channels
                    + " channels of " + geometry.shapeText() + " need " + expected);
        }
        this.channels = channels;
        this.data = data.slice().asReadOnlyBuffer();
    }

    /**
     * A volume that takes ownership of {@code data}: the caller must not change the array afterwards. This lets a
     * reader fill one array and hand it over without a second full-size copy.
     *
     * @throws IllegalArgumentException if the array length is not channels times the voxel count
     */
    public static Volume wrap(Geometry geometry, int channels, float[] data) {
        return new Volume(geometry, channels, FloatBuffer.wrap(data));
    }

    /**
     * A read-only volume over the remaining values of {@code data}, without a copy: for voxels that live outside
     * the heap, such as a memory-mapped file. The caller must not change those values afterwards.
     *
     * @throws IllegalArgumentException if the buffer's remaining values are not channels times the voxel count
     */
    public static Volume view(Geometry geometry, int channels, FloatBuffer data) {
        return new Volume(geometry, channels, data);
    }

    /** The grid every channel lies on. */
    public Geometry geometry() {
        return geometry;
    }

    /** The number of channels (modalities, or time points of a 4-D file). */
    public int channels() {
        return channels;
    }

    /** The number of voxels in one channel. */
    public int voxelsPerChannel() {
        return geometry.voxelCount();
    }

    /** The value of channel {@code c} at voxel (i, j, k). */
    public float get(int c, int i, int j, int k) {
        int nx = geometry.size(0);
        int ny = geometry.size(1);
        return data.get(i + nx * (j + ny * k) + c * voxelsPerChannel());
    }

    /** A read-only view of all channels, in file order. */
    public FloatBuffer data() {
        return data.duplicate();
    }

    /** A read-only view of one channel, in file order. */
    public FloatBuffer channel(int c) {
        Objects.checkIndex(c, channels);
        return data.slice(c * voxelsPerChannel(), voxelsPerChannel());
    }

    /** A copy of all values, in file order. */
    public float[] toArray() {
        float[] copy = new float[data.capacity()];
        data.get(0, copy);
        return copy;
    }

    @Override
    public String toString() {
        return "Volume[" + channels + " x " + geometry.shapeText() + "]";
    }
}
