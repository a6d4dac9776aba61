package org.voxseg.data.evaluation;

import org.voxseg.data.volume.Percentiles;

/**
 * Dice and the 95th-percentile Hausdorff distance between two binary masks on one grid (MONAI's definitions:
 * surfaces are the mask minus its 6-neighbour erosion, the distance is the larger of the two directed 95th
 * percentiles, in world units by the spacing). Empty masks follow an {@link EmptyMaskConvention}.
 */
public final class SegmentationMetrics {

    private SegmentationMetrics() {
    }

    /** {@code 2 |P ∩ R| / (|P| + |R|)}. */
    public static double dice(boolean[] prediction, boolean[] reference, EmptyMaskConvention convention) {
        long both = 0;
        long predicted = 0;
        long actual = 0;
        for (int v = 0; v < prediction.length; v++) {
            both += prediction[v] && reference[v] ? 1 : 0;
            predicted += prediction[v] ? 1 : 0;
            actual += reference[v] ? 1 : 0;
        }
        return predicted + actual == 0 ? convention.diceBothEmpty() : 2.0 * both / (predicted + actual);
    }

    /** The symmetric 95th-percentile surface distance, in the units of {@code spacing}. */
    public static double hausdorff95(boolean[] prediction, boolean[] reference, int[] shape, double[] spacing,
            EmptyMaskConvention convention) {
        boolean[] predictedSurface = surface(prediction, shape);
        boolean[] referenceSurface = surface(reference, shape);
        boolean predictedEmpty = isEmpty(predictedSurface);
        boolean referenceEmpty = isEmpty(referenceSurface);
        if (predictedEmpty && referenceEmpty) {
            return convention.distanceBothEmpty();
        }
        if (predictedEmpty || referenceEmpty) {
            return convention.distanceOneEmpty();
        }
        return Math.max(directed95(predictedSurface, referenceSurface, shape, spacing),
                directed95(referenceSurface, predictedSurface, shape, spacing));
    }

    /** The 95th percentile of the distances from each voxel of {@code from} to the nearest voxel of {@code to}. */
    private static double directed95(boolean[] from, boolean[] to, int[] shape, double[] spacing) {
        double[] squared = DistanceTransform.squared(to, shape, spacing);
        float[] distances = new float[from.length];
        int n = 0;
        for (int v = 0; v < from.length; v++) {
            if (from[v]) {
                distances[n++] = (float) Math.sqrt(squared[v]);
            }
        }
        return Percentiles.ofSorting(distances, n, 95)[0];
    }

    /** Mask voxels with a 6-neighbour outside the mask or outside the grid. */
    static boolean[] surface(boolean[] mask, int[] shape) {
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape[2];
        boolean[] surface = new boolean[mask.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int v = x + nx * (y + ny * z);
                    surface[v] = mask[v] && (x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1
                            || !mask[v - 1] || !mask[v + 1] || !mask[v - nx] || !mask[v + nx]
                            || !mask[v - nx * ny] || !mask[v + nx * ny]);
                }
            }
        }
        return surface;
    }

    private static boolean isEmpty(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return false;
            }
        }
        return true;
    }
}
