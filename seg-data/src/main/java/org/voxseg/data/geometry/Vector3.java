package org.voxseg.data.geometry;

import java.util.Arrays;

/**
 * Three real numbers along (x, y, z): a world position, a fractional voxel index, or a factor or offset per axis. A
 * value, so records holding one compare by value.
 */
public record Vector3(double x, double y, double z) {

    /** The vector {@code [x, y, z]} of a three-element array. */
    public static Vector3 of(double[] xyz) {
        if (xyz.length != 3) {
            throw new IllegalArgumentException("need three values along (x, y, z), not " + Arrays.toString(xyz));
        }
        return new Vector3(xyz[0], xyz[1], xyz[2]);
    }

    /** {@code value} along every axis. */
    public static Vector3 uniform(double value) {
        return new Vector3(value, value, value);
    }

    /** The value along {@code axis} (0: x, 1: y, 2: z). */
    public double get(int axis) {
        return Axes.along(axis, x, y, z);
    }

    /** A fresh array {@code [x, y, z]}. */
    public double[] toArray() {
        return new double[] {x, y, z};
    }

    @Override
    public String toString() {
        return "[" + x + ", " + y + ", " + z + "]";
    }
}
