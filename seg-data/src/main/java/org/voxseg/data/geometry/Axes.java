package org.voxseg.data.geometry;

/** Picks the value along one axis of three, for the grid's value types ({@link Extent}, {@link Spacing}, ...). */
final class Axes {

    private Axes() {
    }

    /** {@code x}, {@code y} or {@code z} for axis 0, 1 or 2. */
    static double along(int axis, double x, double y, double z) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** {@code x}, {@code y} or {@code z} for axis 0, 1 or 2. */
    static int along(int axis, int x, int y, int z) {
        return (int) along(axis, (double) x, y, z);
    }
}
