package org.voxseg.data.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Geometry;

/**
 * A label map stored as integers of the smallest {@link LabelType} that holds its values, little-endian, in NIfTI
 * file order, on the heap ({@link #of}) or in a memory-mapped file ({@link #view}). Immutable: the bytes are never
 * handed out writable.
 */
public final class LabelVolume {

    private final Geometry geometry;
    private final LabelType type;
    private final ByteBuffer data;

    private LabelVolume(Geometry geometry, LabelType type, ByteBuffer data) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.type = Objects.requireNonNull(type, "type");
        long expected = (long) type.bytes() * geometry.voxelCount();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("label data holds " + data.remaining() + " bytes, " + geometry
                    .shapeText() + " voxels of " + type + " need " + expected);
        }
        this.data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A read-only label map over the remaining bytes of {@code data} (little-endian {@code type} values), without a
     * copy; the caller must not change those bytes afterwards.
     *
     * @throws IllegalArgumentException if the bytes are not the voxel count times the type's size
     */
    public static LabelVolume view(Geometry geometry, LabelType type, ByteBuffer data) {
        return new LabelVolume(geometry, type, data);
    }

    /**
     * The label map {@code labels} (one channel of whole numbers) in the smallest type that holds its values.
     *
     * @throws IllegalArgumentException if {@code labels} has more than one channel, or a value that is not a whole
     *     number an int can hold
     */
    public static LabelVolume of(Volume labels) {
        if (labels.channels() != 1) {
            throw new IllegalArgumentException("a label map has 1 channel, not " + labels.channels());
        }
        FloatBuffer values = labels.data();
        int count = values.remaining();
        int min = 0;
        int max = 0;
        for (int v = 0; v < count; v++) {
            float value = values.get(v);
            int whole = (int) value;
            if (whole != value) {
                throw new IllegalArgumentException("label map value " + value + " at voxel " + v
                        + " is not a whole number: label maps hold integer labels");
            }
            min = Math.min(min, whole);
            max = Math.max(max, whole);
        }
        LabelType type = LabelType.holding(min, max);
        ByteBuffer data = ByteBuffer.allocate(count * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < count; v++) {
            type.put(data, v, (int) values.get(v));
        }
        return new LabelVolume(labels.geometry(), type, data);
    }

    /** The grid of the map. */
    public Geometry geometry() {
        return geometry;
    }

    /** The integer type the values are stored in. */
    public LabelType type() {
        return type;
    }

    /** The number of voxels. */
    public int voxels() {
        return geometry.voxelCount();
    }

    /** The label of the voxel at file-order index {@code voxel}. */
    public int get(int voxel) {
        return type.get(data, voxel);
    }

    /** A read-only view of the stored bytes: {@link #voxels()} little-endian values of {@link #type()}. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies the box of {@code size} voxels at {@code start} into {@code dst} (shape {@code dstShape}) at
     * {@code dstStart}, as floats: the label-map counterpart of {@link Boxes#copy}, for cutting patches.
     */
    public void copy(int[] start, float[] dst, int[] dstShape, int[] dstStart, int[] size) {
        int nx = geometry.size(0);
        int ny = geometry.size(1);
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                int from = start[0] + nx * (start[1] + j + ny * (start[2] + k));
                int to = dstStart[0] + dstShape[0] * (dstStart[1] + j + dstShape[1] * (dstStart[2] + k));
                for (int i = 0; i < size[0]; i++) {
                    dst[to + i] = type.get(data, from + i);
                }
            }
        }
    }

    /** The whole map as a one-channel float volume on the heap, for whole-case work such as validation scores. */
    public Volume toVolume() {
        float[] values = new float[voxels()];
        for (int v = 0; v < values.length; v++) {
            values[v] = type.get(data, v);
        }
        return Volume.wrap(geometry, 1, values);
    }

    @Override
    public String toString() {
        return "LabelVolume[" + type + " x " + geometry.shapeText() + "]";
    }
}
