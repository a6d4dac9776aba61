package org.voxseg.data.synthetic;

import java.util.Random;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;

/**
 * A random scanner grid as real acquisitions have: voxels of about 2 mm (thicker along z), stored LPS-flipped like
 * BraTS, rotated up to 12 degrees about each axis.
 */
final class ObliqueGrid {

    private static final double MAX_TILT_DEGREES = 12;

    private ObliqueGrid() {
    }

    /** A random grid whose field of view holds the box of {@code corners} with {@code marginMm} around it. */
    static Geometry covering(double[][] corners, double marginMm, Random random) {
        double[] spacing = {1.9 + 0.2 * random.nextDouble(), 1.9 + 0.2 * random.nextDouble(),
            2.0 + 0.6 * random.nextDouble()};
        double[][] axes = rotation(random);
        double[] centre = centre(corners);
        int[] shape = new int[3];
        double[][] columns = new double[3][3];
        for (int a = 0; a < 3; a++) {
            double halfExtent = 0;
            for (double[] corner : corners) {
                double along = 0;
                for (int d = 0; d < 3; d++) {
                    along += (corner[d] - centre[d]) * axes[a][d];
                }
                halfExtent = Math.max(halfExtent, Math.abs(along));
            }
            shape[a] = (int) Math.ceil(2 * (halfExtent + marginMm) / spacing[a]);
            for (int d = 0; d < 3; d++) {
                columns[a][d] = axes[a][d] * spacing[a];
            }
        }
        double[] translation = new double[3];
        for (int d = 0; d < 3; d++) {
            translation[d] = centre[d];
            for (int a = 0; a < 3; a++) {
                translation[d] -= columns[a][d] * (shape[a] - 1) / 2.0;
            }
        }
        Affine affine = Affine.fromRows(
                new double[] {columns[0][0], columns[1][0], columns[2][0], translation[0]},
                new double[] {columns[0][1], columns[1][1], columns[2][1], translation[1]},
                new double[] {columns[0][2], columns[1][2], columns[2][2], translation[2]});
        return Geometry.of(Extent.of(shape), affine);
    }

    /** The centre of the box of {@code corners}. */
    static double[] centre(double[][] corners) {
        double[] centre = new double[3];
        for (int d = 0; d < 3; d++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] corner : corners) {
                low = Math.min(low, corner[d]);
                high = Math.max(high, corner[d]);
            }
            centre[d] = (low + high) / 2;
        }
        return centre;
    }

    /** The grid's unit axes in world coordinates: LPS-flipped x and y, then tilted about x, y and z. */
    private static double[][] rotation(Random random) {
        double[][] axes = {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}};
        for (int about = 0; about < 3; about++) {
            double angle = Math.toRadians(MAX_TILT_DEGREES * (2 * random.nextDouble() - 1));
            int u = (about + 1) % 3;
            int v = (about + 2) % 3;
            for (double[] axis : axes) {
                double a = axis[u];
                double b = axis[v];
                axis[u] = Math.cos(angle) * a - Math.sin(angle) * b;
                axis[v] = Math.sin(angle) * a + Math.cos(angle) * b;
            }
        }
        return axes;
    }
}
