package org.voxseg.core.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The vectors of docs/reference.md#sliding-window-inference for MONAI's sliding_window_inference. */
class WindowPlanTest {

    @Test
    void bratsImageWithQuarterOverlap() {
        WindowPlan plan = new WindowPlan(new int[] {240, 240, 155}, new int[] {128, 128, 128}, 0.25);

        assertArrayEquals(new int[] {0, 96, 112}, plan.starts(0));
        assertArrayEquals(new int[] {0, 96, 112}, plan.starts(1));
        assertArrayEquals(new int[] {0, 27}, plan.starts(2));
        assertEquals(18, plan.windows().size());
    }

    @Test
    void bratsImageWithHalfOverlap() {
        WindowPlan plan = new WindowPlan(new int[] {240, 240, 155}, new int[] {128, 128, 128}, 0.5);

        assertArrayEquals(new int[] {0, 64, 112}, plan.starts(0));
        assertArrayEquals(new int[] {0, 64, 112}, plan.starts(1));
        assertArrayEquals(new int[] {0, 27}, plan.starts(2));
        assertEquals(18, plan.windows().size());
        assertArrayEquals(new int[] {0, 0, 27}, plan.windows().get(1), "first dimension slowest");
    }

    @Test
    void smallDimensionsArePadded() {
        WindowPlan plan = new WindowPlan(new int[] {96, 240, 155}, new int[] {128, 128, 128}, 0.5);

        assertArrayEquals(new int[] {16, 0, 0}, plan.padBefore());
        assertArrayEquals(new int[] {128, 240, 155}, plan.paddedShape());
        assertArrayEquals(new int[] {0}, plan.starts(0), "the roi equals the padded size: one window");
    }

    @Test
    void gaussianFactorsAndMap() {
        assertArrayEquals(new double[] {0.011109, 0.606531, 0.606531, 0.011109},
                BlendWeights.gaussianFactors(4, 0.125), 1e-6);
        assertArrayEquals(new double[] {0.005976, 0.278037, 1, 0.278037, 0.005976},
                BlendWeights.gaussianFactors(5, 0.125), 1e-6);

        float[] eight = BlendWeights.map(new int[] {8, 8, 8}, true, 0.125);
        assertEquals(0.687289, max(eight), 1e-6);
        assertEquals(0.001, min(eight), 1e-9);
        assertEquals(0.998536, max(BlendWeights.map(new int[] {128, 128, 128}, true, 0.125)), 1e-6);
        assertEquals(1, min(BlendWeights.map(new int[] {3, 3, 3}, false, 0.125)));
    }

    private static double max(float[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double min(float[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
