package org.voxseg.data.volume;

import java.nio.ByteBuffer;

/**
 * The integer type a label map is stored in: the smallest that holds its values, so that a BraTS map (0 to 4) takes
 * one byte per voxel instead of a float's four.
 */
public enum LabelType {
    /** 0 to 255. */
    UINT8(1),
    /** -32768 to 32767. */
    INT16(2),
    /** Any int. */
    INT32(4);

    private final int bytes;

    LabelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per voxel. */
    public int bytes() {
        return bytes;
    }

    /** The smallest type that holds every value from {@code min} to {@code max}. */
    public static LabelType holding(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        if (min >= 0 && max <= 0xFF) {
            return UINT8;
        }
        if (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
            return INT16;
        }
        return INT32;
    }

    /** The value of voxel {@code voxel} in {@code data} (absolute, in the buffer's byte order). */
    int get(ByteBuffer data, int voxel) {
        return switch (this) {
            case UINT8 -> data.get(voxel) & 0xFF;
            case INT16 -> data.getShort(2 * voxel);
            case INT32 -> data.getInt(4 * voxel);
        };
    }

    /** Stores {@code value} as voxel {@code voxel} of {@code data}; the value must fit the type. */
    void put(ByteBuffer data, int voxel, int value) {
        switch (this) {
            case UINT8 -> data.put(voxel, (byte) value);
            case INT16 -> data.putShort(2 * voxel, (short) value);
            case INT32 -> data.putInt(4 * voxel, value);
        }
    }
}
