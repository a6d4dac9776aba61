package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import org.voxseg.core.network.OutputActivation;

/**
 * Focal loss per voxel (Lin et al.), {@code -alpha_t (1 - p_t)^gamma log(p_t)} averaged over every element, with
 * p_t the probability given to the true value. For sigmoid outputs each channel is a binary problem with
 * {@code alpha_t = alpha} for positives and {@code 1 - alpha} for negatives (no weighting when alpha is NaN); for
 * softmax outputs the sum runs over the true class only and alpha weights every class alike.
 *
 * @param activation SIGMOID or SOFTMAX
 * @param gamma focusing exponent (0 gives cross-entropy)
 * @param alpha balance of positives, or NaN for none
 */
public record FocalLoss(OutputActivation activation, double gamma, double alpha) implements SegmentationLoss {

    public FocalLoss {
        if (activation == OutputActivation.NONE) {
            throw new IllegalArgumentException("focal loss works on logits: choose sigmoid or softmax");
        }
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("gamma must not be negative: " + gamma);
        }
    }

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        SegmentationLoss.checkShapes(outputs, targets);
        if (activation == OutputActivation.SOFTMAX) {
            NDArray logP = outputs.logSoftmax(1);
            NDArray focus = logP.exp().neg().add(1).pow((float) gamma);
            NDArray perVoxel = focus.mul(logP).mul(targets).sum(new int[] {1}).neg();
            return (Double.isNaN(alpha) ? perVoxel : perVoxel.mul((float) alpha)).mean();
        }
        // log(p_t) = -(max(x, 0) - x g + log(1 + exp(-|x|))), the negated logistic loss
        NDArray logPt = CrossEntropyLoss.softplusOfNegativeAbs(outputs).add(outputs.maximum(0))
                .sub(outputs.mul(targets)).neg();
        NDArray perElement = logPt.exp().neg().add(1).pow((float) gamma).mul(logPt).neg();
        if (!Double.isNaN(alpha)) {
            NDArray alphaT = targets.mul((float) alpha).add(targets.neg().add(1).mul((float) (1 - alpha)));
            perElement = perElement.mul(alphaT);
        }
        return perElement.mean();
    }
}
