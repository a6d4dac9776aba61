package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import org.voxseg.core.network.OutputActivation;

/**
 * MONAI's DiceLoss, per (batch item, channel) over space: {@code 1 - (2 I + smoothNr) / (P + G + smoothDr)}, with
 * I = sum(p g), P = sum(p) and G = sum(g) (sum(p²) and sum(g²) when {@code squaredPred}); with {@code batch} the
 * sums run over the batch too; the mean over what remains. The Jaccard variant is
 * {@code 1 - (I + smoothNr) / (P + G - I + smoothDr)}.
 *
 * @param activation how outputs become probabilities
 * @param includeBackground whether channel 0 counts
 * @param squaredPred whether the denominator sums squares
 * @param smoothNr added to the numerator
 * @param smoothDr added to the denominator
 * @param batch whether to sum over the batch before dividing
 * @param jaccard whether to compute the Jaccard (IoU) loss instead
 */
public record DiceLoss(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
        double smoothDr, boolean batch, boolean jaccard) implements SegmentationLoss {

    /** MONAI's defaults (smooth 1e-5, background included, per item) with the given activation. */
    public static DiceLoss of(OutputActivation activation) {
        return new DiceLoss(activation, true, false, 1e-5, 1e-5, false, false);
    }

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        OverlapReduction o = OverlapReduction.of(outputs, targets, activation, includeBackground, batch);
        NDArray intersection = o.sum(o.p().mul(o.g()));
        NDArray predicted = o.sum(squaredPred ? o.p().square() : o.p());
        NDArray truth = o.sum(squaredPred ? o.g().square() : o.g());
        NDArray score;
        if (jaccard) {
            score = intersection.add((float) smoothNr)
                    .div(predicted.add(truth).sub(intersection).add((float) smoothDr));
        } else {
            score = intersection.mul(2).add((float) smoothNr).div(predicted.add(truth).add((float) smoothDr));
        }
        return score.neg().add(1).mean();
    }
}
