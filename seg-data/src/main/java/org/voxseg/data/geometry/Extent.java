package org.voxseg.data.geometry;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Voxel counts along (x, y, z): a grid's shape, a patch or window size, a crop offset or a padding width. A value,
 * so records holding one compare by value; never negative.
 */
public record Extent(int x, int y, int z) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Extent {
        if (x < 0 || y < 0 || z < 0) {
            throw new IllegalArgumentException("voxel counts must not be negative: [" + x + ", " + y + ", " + z + "]");
        }
    }

    /** The extent {@code [x, y, z]} of a three-element array. */
    public static Extent of(int[] xyz) {
        if (xyz.length != 3) {
            throw new IllegalArgumentException("need three values along (x, y, z), not " + Arrays.toString(xyz));
        }
        return new Extent(xyz[0], xyz[1], xyz[2]);
    }

    /** {@code n} voxels along every axis. */
    public static Extent cube(int n) {
        return new Extent(n, n, n);
    }

    /** The count along {@code axis} (0: x, 1: y, 2: z). */
    public int get(int axis) {
        return Axes.along(axis, x, y, z);
    }

    /** A fresh array {@code [x, y, z]}, for voxel loops. */
    public int[] toArray() {
        return new int[] {x, y, z};
    }

    /** Whether every count is at least 1, as a grid's shape must be. */
    public boolean isPositive() {
        return x > 0 && y > 0 && z > 0;
    }

    /** Whether every count is 0. */
    public boolean isZero() {
        return x == 0 && y == 0 && z == 0;
    }

    /** The number of voxels {@code x * y * z}. */
    public long voxels() {
        return (long) x * y * z;
    }

    @Override
    public String toString() {
        return "[" + x + ", " + y + ", " + z + "]";
    }
}
