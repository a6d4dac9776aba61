package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;

/** The axes overlap losses sum over: the spatial axes, and the batch axis too when MONAI's {@code batch=True}. */
final class OverlapReduction {

    private OverlapReduction() {
    }

    static int[] axes(NDArray x, boolean batch) {
        int dimensions = x.getShape().dimension();
        int[] axes = new int[dimensions - 2 + (batch ? 1 : 0)];
        int n = 0;
        if (batch) {
            axes[n++] = 0;
        }
        for (int d = 2; d < dimensions; d++) {
            axes[n++] = d;
        }
        return axes;
    }
}
