package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import org.voxseg.core.network.OutputActivation;

/**
 * MONAI's TverskyLoss: {@code 1 - (TP + smoothNr) / (TP + alpha FP + beta FN + smoothDr)} per (batch item, channel),
 * with TP = sum(p g), FP = sum(p (1 - g)), FN = sum((1 - p) g); alpha = beta = 0.5 is the Dice loss.
 *
 * @param activation how outputs become probabilities
 * @param includeBackground whether channel 0 counts
 * @param alpha weight of false positives
 * @param beta weight of false negatives
 * @param smoothNr added to the numerator
 * @param smoothDr added to the denominator
 * @param batch whether to sum over the batch before dividing
 */
public record TverskyLoss(OutputActivation activation, boolean includeBackground, double alpha, double beta,
        double smoothNr, double smoothDr, boolean batch) implements SegmentationLoss {

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        OverlapReduction o = OverlapReduction.of(outputs, targets, activation, includeBackground, batch);
        NDArray truePositives = o.sum(o.p().mul(o.g()));
        NDArray falsePositives = o.sum(o.p().mul(o.g().neg().add(1)));
        NDArray falseNegatives = o.sum(o.p().neg().add(1).mul(o.g()));
        NDArray denominator = truePositives.add(falsePositives.mul((float) alpha)).add(falseNegatives.mul((float) beta))
                .add((float) smoothDr);
        return truePositives.add((float) smoothNr).div(denominator).neg().add(1).mean();
    }
}
