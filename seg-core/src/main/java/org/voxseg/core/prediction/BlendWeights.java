package org.voxseg.core.prediction;

import java.util.Arrays;

/**
 * How window predictions are blended (MONAI's {@code compute_importance_map}): constant weights, or a Gaussian
 * with {@code sigma = sigmaScale * size} per dimension, not normalised, the product of the 1-D factors, clamped
 * below at {@code max(min, 1e-3)}.
 */
public final class BlendWeights {

    private BlendWeights() {
    }

    /** The 1-D Gaussian factors {@code exp(-x² / (2 sigma²))}, x from {@code -(n - 1) / 2} to {@code (n - 1) / 2}. */
    public static double[] gaussianFactors(int n, double sigmaScale) {
        double sigma = sigmaScale * n;
        double[] factors = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i - (n - 1) / 2.0;
            factors[i] = Math.exp(-x * x / (2 * sigma * sigma));
        }
        return factors;
    }

    /** The weight map over a window of {@code roi} voxels (x fastest), Gaussian or all ones. */
    public static float[] map(int[] roi, boolean gaussian, double sigmaScale) {
        float[] weights = new float[roi[0] * roi[1] * roi[2]];
        if (!gaussian) {
            Arrays.fill(weights, 1f);
            return weights;
        }
        double[] fx = gaussianFactors(roi[0], sigmaScale);
        double[] fy = gaussianFactors(roi[1], sigmaScale);
        double[] fz = gaussianFactors(roi[2], sigmaScale);
        float min = Float.MAX_VALUE;
        int at = 0;
        for (int k = 0; k < roi[2]; k++) {
            for (int j = 0; j < roi[1]; j++) {
                for (int i = 0; i < roi[0]; i++, at++) {
                    weights[at] = (float) (fz[k] * fy[j] * fx[i]);
                    min = Math.min(min, weights[at]);
                }
            }
        }
        float floor = Math.max(min, 1e-3f);
        for (int v = 0; v < weights.length; v++) {
            weights[v] = Math.max(weights[v], floor);
        }
        return weights;
    }
}
