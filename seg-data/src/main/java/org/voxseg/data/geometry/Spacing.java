package org.voxseg.data.geometry;

import java.util.Arrays;

/** Voxel spacing in mm along (x, y, z), each positive and finite. A value, so records holding one compare by value. */
public record Spacing(double x, double y, double z) {

    public Spacing {
        if (!(x > 0 && y > 0 && z > 0) || Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("spacing must be positive along (x, y, z): [" + x + ", " + y + ", "
                    + z + "]");
        }
    }

    /** The spacing {@code [x, y, z]} of a three-element array. */
    public static Spacing of(double[] xyz) {
        if (xyz.length != 3) {
            throw new IllegalArgumentException("need three values along (x, y, z), not " + Arrays.toString(xyz));
        }
        return new Spacing(xyz[0], xyz[1], xyz[2]);
    }

    /** The spacing along {@code axis} (0: x, 1: y, 2: z). */
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
