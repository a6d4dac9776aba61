package org.voxseg.data.volume;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.voxseg.data.geometry.Geometry;

/**
 * A multi-channel float32 volume on one {@link Geometry}, in NIfTI file order: voxel (c, i, j, k) is at
 * {@code i + nx * (j + ny * k) + c * nx * ny * nz}. As a tensor that is (C, k, j, i), row-major, so the data maps to
 * an NDArray without a copy or transpose.
 *
 * <p>The volume owns its array and never hands it out writable: views are read-only, copies are copies.
 */
public final class Volume {

    private final Geometry geometry;
    private final int channels;
    private final float[] data;

    private Volume(Geometry geometry, int channels, float[] data) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        long expected = (long) channels * geometry.voxelCount();
        if (data.length != expected) {
            throw new IllegalArgumentException("data holds " + data.length + " values, " + channels + " channels of "
                    + geometry.shapeText() + " need " + expected);
        }
        this.channels = channels;
        this.data = data;
    }

    /**
     * A volume that takes ownership of {@code data}: the caller must not change the array afterwards. This lets a
     * reader fill one array and hand it over without a second full-size copy.
     *
     * @throws IllegalArgumentException if the array length is not channels times the voxel count
     */
    public static Volume wrap(Geometry geometry, int channels, float[] data) {
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
        return data[i + nx * (j + ny * k) + c * voxelsPerChannel()];
    }

    /** A read-only view of all channels, in file order. */
    public FloatBuffer data() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A read-only view of one channel, in file order. */
    public FloatBuffer channel(int c) {
        Objects.checkIndex(c, channels);
        return FloatBuffer.wrap(data, c * voxelsPerChannel(), voxelsPerChannel()).slice().asReadOnlyBuffer();
    }

    /** A copy of all values, in file order. */
    public float[] toArray() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "Volume[" + channels + " x " + geometry.shapeText() + "]";
    }
}
