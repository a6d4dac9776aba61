package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import java.util.stream.IntStream;
import org.voxseg.core.network.OutputActivation;

/**
 * What overlap losses (Dice, Jaccard, Tversky) share: probabilities and targets, without the background channel when
 * asked, and the axes to sum over (the spatial axes, and the batch axis too when MONAI's {@code batch=True}).
 *
 * @param p probabilities
 * @param g targets
 * @param axes the axes to sum over
 */
record OverlapReduction(NDArray p, NDArray g, List<Integer> axes) {

    OverlapReduction {
        axes = List.copyOf(axes);
    }

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
        return x.sum(axes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Integer> axes(NDArray x, boolean batch) {
        return IntStream.range(batch ? 0 : 2, x.getShape().dimension()).filter(d -> d != 1).boxed().toList();
    }

    /**
     * {@code x} without channel 0 (MONAI's {@code include_background=False}); {@code x} itself if it has one
     * channel.
     */
    private static NDArray withoutBackground(NDArray x) {
        return x.getShape().get(1) > 1 ? x.get(new NDIndex(":, 1:")) : x;
    }
}
