package org.voxseg.data.geometry;

import java.util.Objects;

/**
 * A box of voxels: the first voxel along (x, y, z) and the voxel counts from there. A value, so records holding
 * one compare by value.
 *
 * @param start the first voxel along each axis
 * @param size the voxels of the box along each axis, at least 1
 */
public record Box(Extent start, Extent size) {

    public Box {
        Objects.requireNonNull(start, "start");
        if (!size.isPositive()) {
            throw new IllegalArgumentException("a box needs at least one voxel along each axis: " + size);
        }
    }

    /** The box from {@code start} of {@code size} voxels, both {@code [x, y, z]}. */
    public static Box of(int[] start, int[] size) {
        return new Box(Extent.of(start), Extent.of(size));
    }

    /** Whether the box lies within a grid of {@code shape} voxels. */
    public boolean fitsIn(Extent shape) {
        for (int d = 0; d < 3; d++) {
            if (start.get(d) + size.get(d) > shape.get(d)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Box[start=" + start + ", size=" + size + "]";
    }
}
