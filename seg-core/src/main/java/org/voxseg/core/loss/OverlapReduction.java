package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.voxseg.core.network.OutputActivation;

/**
 * What overlap losses (Dice, Jaccard, Tversky) share: probabilities and targets, without the background channel when
 * asked, and the axes to sum over (the spatial axes, and the batch axis too when MONAI's {@code batch=True}).
 *
 * @param p probabilities
 * @param g targets
 * @param axes the axes to sum over
 */
record OverlapReduction(NDArray p, NDArray g, int[] axes) {

    /** Checks shapes, applies the activation and drops the background channel if it does not count. */
    static OverlapReduction of(NDArray outputs, NDArray targets, OutputActivation activation,
            boolean includeBackground, boolean batch) {
        SegmentationLoss.checkShapes(outputs, targets);
        NDArray p = activation.probabilities(outputs);
        NDArray g = targets;
        if (!includeBackground) {
            p = withoutBackground(p);
            g = withoutBackground(g);
        }
        return new OverlapReduction(p, g, axes(p, batch));
    }

    /** Sums {@code x} over the reduction axes. */
    NDArray sum(NDArray x) {
        return x.sum(axes);
    }

    private static int[] axes(NDArray x, boolean batch) {
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

    /**
     * {@code x} without channel 0 (MONAI's {@code include_background=False}); {@code x} itself if it has one
     * channel.
     */
    private static NDArray withoutBackground(NDArray x) {
        return x.getShape().get(1) > 1 ? x.get(new NDIndex(":, 1:")) : x;
    }
}
