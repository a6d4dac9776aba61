package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;

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
        SegmentationLoss.checkShapes(outputs, targets);
        NDArray p = activation.probabilities(outputs);
        NDArray g = targets;
        if (!includeBackground) {
            p = OutputActivation.withoutBackground(p);
            g = OutputActivation.withoutBackground(g);
        }
        int[] axes = OverlapReduction.axes(p, batch);
        NDArray truePositives = p.mul(g).sum(axes);
        NDArray falsePositives = p.mul(g.neg().add(1)).sum(axes);
        NDArray falseNegatives = p.neg().add(1).mul(g).sum(axes);
        NDArray denominator = truePositives.add(falsePositives.mul((float) alpha)).add(falseNegatives.mul((float) beta))
                .add((float) smoothDr);
        return truePositives.add((float) smoothNr).div(denominator).neg().add(1).mean();
    }
}
