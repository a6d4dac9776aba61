package org.voxseg.data.nifti;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The NIfTI voxel datatypes voxseg reads and writes, with their header codes. Values decode to float32; writing
 * an integer type rounds to the nearest integer and refuses values outside the type's range.
 */
public enum NiftiDataType {
    UINT8(2, 1, 0, 255),
    INT8(256, 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    INT16(4, 2, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(512, 2, 0, 65535),
    INT32(8, 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(768, 4, 0, 4294967295.0),
    /** Upper bound: the largest double below 2^63. */
    INT64(1024, 8, -0x1p63, 0x1p63 - 1024),
    /** Upper bound: the largest double below 2^64. */
    UINT64(1280, 8, 0, 0x1p64 - 2048),
    FLOAT32(16, 4, Double.NaN, Double.NaN),
    FLOAT64(64, 8, Double.NaN, Double.NaN);

    /** Datatype codes NIfTI defines that voxseg does not decode, for naming them in errors. */
    private static final Map<Integer, String> UNSUPPORTED = Map.of(
            1, "binary",
            32, "complex64",
            128, "rgb24",
            1536, "float128",
            1792, "complex128",
            2048, "complex256",
            2304, "rgba32");

    private final int code;
    private final int bytes;
    private final double min;
    private final double max;

    NiftiDataType(int code, int bytes, double min, double max) {
        this.code = code;
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /** The header's datatype code. */
    public int code() {
        return code;
    }

    /** Bytes per voxel. */
    public int bytes() {
        return bytes;
    }

    /** The header's bitpix. */
    public int bitsPerVoxel() {
        return 8 * bytes;
    }

    /** Whether values are stored as integers (and so rounded and range-checked when written). */
    public boolean isInteger() {
        return !Double.isNaN(min);
    }

    /** The lower-case name used in messages and the command line, e.g. "int16". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The datatype with header code {@code code}, if voxseg supports it. */
    public static Optional<NiftiDataType> fromCode(int code) {
        for (NiftiDataType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** A name for any datatype code, e.g. "int16 (4)", "complex64 (32)" or "unknown (7)". */
    public static String describeCode(int code) {
        String name = fromCode(code).map(NiftiDataType::label).orElse(UNSUPPORTED.getOrDefault(code, "unknown"));
        return name + " (" + code + ")";
    }

    /**
     * Decodes {@code count} voxels from {@code src} (absolute positions from 0, in the buffer's byte order) into
     * {@code dst} from {@code offset}. One tight loop per type keeps the hot path free of virtual calls.
     */
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
        switch (this) {
            case UINT8 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.get(v) & 0xFF;
                }
            }
            case INT8 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.get(v);
                }
            }
            case INT16 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getShort(2 * v);
                }
            }
            case UINT16 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getShort(2 * v) & 0xFFFF;
                }
            }
            case INT32 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getInt(4 * v);
                }
            }
            case UINT32 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getInt(4 * v) & 0xFFFFFFFFL;
                }
            }
            case INT64 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getLong(8 * v);
                }
            }
            case UINT64 -> {
                for (int v = 0; v < count; v++) {
                    long raw = src.getLong(8 * v);
                    dst[offset + v] = (float) (raw >= 0 ? raw : (double) (raw >>> 1) * 2.0 + (raw & 1));
                }
            }
            case FLOAT32 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = src.getFloat(4 * v);
                }
            }
            case FLOAT64 -> {
                for (int v = 0; v < count; v++) {
                    dst[offset + v] = (float) src.getDouble(8 * v);
                }
            }
        }
    }

    /**
     * Encodes the first {@code count} values of {@code src} into {@code dst} (absolute positions from 0).
     *
     * @param firstIndex the voxel index of {@code src[0]} in the whole volume, for error messages
     * @throws IllegalArgumentException if a value does not fit an integer type (NaN never does); the message gives
     *     the value and its voxel index
     */
    void encode(float[] src, int count, ByteBuffer dst, long firstIndex) {
        switch (this) {
            case UINT8, INT8 -> {
                for (int v = 0; v < count; v++) {
                    dst.put(v, (byte) (int) rounded(src, v, firstIndex));
                }
            }
            case INT16, UINT16 -> {
                for (int v = 0; v < count; v++) {
                    dst.putShort(2 * v, (short) (int) rounded(src, v, firstIndex));
                }
            }
            case INT32 -> {
                for (int v = 0; v < count; v++) {
                    dst.putInt(4 * v, (int) rounded(src, v, firstIndex));
                }
            }
            case UINT32 -> {
                for (int v = 0; v < count; v++) {
                    dst.putInt(4 * v, (int) (long) rounded(src, v, firstIndex));
                }
            }
            case INT64 -> {
                for (int v = 0; v < count; v++) {
                    dst.putLong(8 * v, (long) rounded(src, v, firstIndex));
                }
            }
            case UINT64 -> {
                for (int v = 0; v < count; v++) {
                    double value = rounded(src, v, firstIndex);
                    dst.putLong(8 * v, value < 0x1p63 ? (long) value : (long) (value - 0x1p63) ^ Long.MIN_VALUE);
                }
            }
            case FLOAT32 -> {
                for (int v = 0; v < count; v++) {
                    dst.putFloat(4 * v, src[v]);
                }
            }
            case FLOAT64 -> {
                for (int v = 0; v < count; v++) {
                    dst.putDouble(8 * v, src[v]);
                }
            }
        }
    }

    /** src[v] rounded to the nearest integer, refused if outside this integer type's range. */
    private double rounded(float[] src, int v, long firstIndex) {
        double value = Math.rint(src[v]);
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("value " + src[v] + " at voxel index " + (firstIndex + v)
                    + " does not fit " + label());
        }
        return value;
    }
}
