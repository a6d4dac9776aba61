package org.voxseg.data.transform;

import java.nio.FloatBuffer;

/**
 * Samples a volume along one axis at given fractional indices, positions outside {@code [0, n - 1]} taking the edge
 * value (PyTorch's {@code grid_sample} with {@code padding_mode="border"}). Linear sampling along each axis in turn
 * is trilinear sampling; nearest takes the index rounded half to even, as {@code grid_sample}'s nearest does.
 */
final class AxisSampling {

    private AxisSampling() {
    }

    /**
     * {@code src} of spatial {@code shape} (x fastest, then y, z, channel) with axis {@code axis} replaced by
     * {@code positions.length} samples taken at {@code positions}.
     */
    static float[] along(FloatBuffer src, int[] shape, int channels, int axis, double[] positions,
            Interpolation interpolation) {
        int n = shape[axis];
        int size = positions.length;
        int inner = 1;
        for (int d = 0; d < axis; d++) {
            inner *= shape[d];
        }
        int outer = channels;
        for (int d = axis + 1; d < 3; d++) {
            outer *= shape[d];
        }
        int[] lower = new int[size];
        int[] upper = new int[size];
        float[] weight = new float[size];
        for (int p = 0; p < size; p++) {
            double x = Math.min(Math.max(positions[p], 0), n - 1);
            if (interpolation == Interpolation.NEAREST) {
                lower[p] = (int) Math.rint(x);
                upper[p] = lower[p];
            } else {
                lower[p] = (int) Math.floor(x);
                upper[p] = Math.min(lower[p] + 1, n - 1);
                weight[p] = (float) (x - lower[p]);
            }
        }
        float[] out = new float[outer * size * inner];
        for (int o = 0; o < outer; o++) {
            for (int p = 0; p < size; p++) {
                int a = (o * n + lower[p]) * inner;
                int b = (o * n + upper[p]) * inner;
                int dst = (o * size + p) * inner;
                float w = weight[p];
                for (int i = 0; i < inner; i++) {
                    float va = src.get(a + i);
                    out[dst + i] = va + w * (src.get(b + i) - va);
                }
            }
        }
        return out;
    }
}
