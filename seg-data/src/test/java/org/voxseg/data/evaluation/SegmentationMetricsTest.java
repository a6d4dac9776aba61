package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {

    private static final int[] SHAPE = {9, 7, 6};
    private static final double[] SPACING = {1.0, 2.0, 0.5};

    private static boolean[] randomMask(long seed, double density) {
        Random random = new Random(seed);
        boolean[] mask = new boolean[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int v = 0; v < mask.length; v++) {
            mask[v] = random.nextDouble() < density;
        }
        return mask;
    }

    private static double[] position(int v) {
        return new double[] {v % SHAPE[0] * SPACING[0], v / SHAPE[0] % SHAPE[1] * SPACING[1],
            v / (SHAPE[0] * SHAPE[1]) * SPACING[2]};
    }

    private static double bruteDistance(int v, boolean[] features) {
        double best = Double.POSITIVE_INFINITY;
        double[] p = position(v);
        for (int w = 0; w < features.length; w++) {
            if (features[w]) {
                double[] q = position(w);
                best = Math.min(best, Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2)
                        + Math.pow(p[2] - q[2], 2)));
            }
        }
        return best;
    }

    @Test
    void distanceTransformIsExactWithAnisotropicSpacing() {
        for (long seed = 0; seed < 3; seed++) {
            boolean[] features = randomMask(seed, 0.02);
            double[] squared = DistanceTransform.squared(features, SHAPE, SPACING);
            for (int v = 0; v < features.length; v++) {
                assertEquals(bruteDistance(v, features), Math.sqrt(squared[v]), 1e-9, "voxel " + v);
            }
        }
    }

    @Test
    void diceAndEmptyMasks() {
        boolean[] p = {true, true, true, false};
        boolean[] r = {false, true, true, true};

        assertEquals(2.0 * 2 / 6, SegmentationMetrics.dice(p, r, EmptyMaskConvention.brats()), 1e-12);
        assertEquals(1, SegmentationMetrics.dice(new boolean[4], new boolean[4], EmptyMaskConvention.brats()));
        assertTrue(Double.isNaN(SegmentationMetrics.dice(new boolean[4], new boolean[4],
                EmptyMaskConvention.undefined())));
        assertEquals(0, SegmentationMetrics.dice(p, new boolean[4], EmptyMaskConvention.undefined()));
    }

    @Test
    void hausdorff95MatchesMonaisDefinitionByBruteForce() {
        boolean[] prediction = randomMask(7, 0.3);
        boolean[] reference = randomMask(8, 0.3);

        double expected = Math.max(bruteDirected95(prediction, reference), bruteDirected95(reference, prediction));

        assertEquals(expected, SegmentationMetrics.hausdorff95(prediction, reference, SHAPE, SPACING,
                EmptyMaskConvention.undefined()), 1e-5);
    }

    @Test
    void singleVoxelsThreeApartAlongYAreSixMillimetresApart() {
        boolean[] a = new boolean[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        boolean[] b = a.clone();
        a[4 + 9 * (1 + 7 * 3)] = true;
        b[4 + 9 * (4 + 7 * 3)] = true;

        assertEquals(6, SegmentationMetrics.hausdorff95(a, b, SHAPE, SPACING, EmptyMaskConvention.brats()), 1e-12);
        assertEquals(373.13, SegmentationMetrics.hausdorff95(a, new boolean[a.length], SHAPE, SPACING,
                EmptyMaskConvention.brats()));
        assertEquals(0, SegmentationMetrics.hausdorff95(new boolean[a.length], new boolean[a.length], SHAPE, SPACING,
                EmptyMaskConvention.brats()));
    }

    /** Surfaces by brute force (6-neighbour erosion, border counts as outside), then numpy's 95th percentile. */
    private static double bruteDirected95(boolean[] from, boolean[] to) {
        boolean[] fromSurface = SegmentationMetrics.surface(from, SHAPE);
        boolean[] toSurface = SegmentationMetrics.surface(to, SHAPE);
        double[] distances = new double[from.length];
        int n = 0;
        for (int v = 0; v < from.length; v++) {
            if (fromSurface[v]) {
                distances[n++] = bruteDistance(v, toSurface);
            }
        }
        double[] sorted = Arrays.copyOf(distances, n);
        Arrays.sort(sorted);
        double position = 0.95 * (n - 1);
        int below = (int) Math.floor(position);
        return sorted[below] + (position - below) * (sorted[Math.min(below + 1, n - 1)] - sorted[below]);
    }
}
