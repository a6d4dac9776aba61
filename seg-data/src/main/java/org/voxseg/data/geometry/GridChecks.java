package org.voxseg.data.geometry;

import java.util.Map;
import java.util.Optional;

/**
 * Checks on voxel grids: that a shape and a spacing can make a {@link Geometry}, and that the volumes of one case
 * share a grid.
 */
public final class GridChecks {

    private GridChecks() {
    }

    /**
     * Checks that named volumes (e.g. the modalities of one case) share one grid, comparing each with the first.
     *
     * @param geometries geometries by name, in a stable order
     * @param tolerance largest difference allowed between affine elements, in world units
     * @throws IllegalArgumentException naming the first volume that disagrees and how
     */
    public static void requireSameGrid(Map<String, Geometry> geometries, double tolerance) {
        Map.Entry<String, Geometry> reference = null;
        for (Map.Entry<String, Geometry> entry : geometries.entrySet()) {
            if (reference == null) {
                reference = entry;
                continue;
            }
            Optional<String> difference = describeDifference(entry.getValue(), reference.getValue(), tolerance);
            if (difference.isPresent()) {
                throw new IllegalArgumentException(entry.getKey() + " is not on the grid of " + reference.getKey()
                        + ": " + difference.get());
            }
        }
    }

    static Extent checkShape(Extent shape) {
        if (shape == null || !shape.isPositive()) {
            throw new IllegalArgumentException("shape must be positive: " + shape);
        }
        if (shape.voxels() > Integer.MAX_VALUE) {
            throw new ArithmeticException("shape " + shape + " has " + shape.voxels()
                    + " voxels, more than a volume can hold (" + Integer.MAX_VALUE + ")");
        }
        return shape;
    }

    /**
     * Says how {@code grid} differs from {@code other}, if it does: a different shape, or affines whose elements
     * differ by more than {@code tolerance} (in world units).
     */
    public static Optional<String> describeDifference(Geometry grid, Geometry other, double tolerance) {
        if (!grid.shape().equals(other.shape())) {
            return Optional.of("shape " + grid.shapeText() + " differs from " + other.shapeText());
        }
        double difference = grid.affine().maxAbsDifference(other.affine());
        if (difference > tolerance) {
            return Optional.of("affine " + grid.affine() + " differs from " + other.affine() + " by up to "
                    + difference);
        }
        return Optional.empty();
    }
}
