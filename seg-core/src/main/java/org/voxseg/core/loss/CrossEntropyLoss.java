package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import org.voxseg.core.network.OutputActivation;

/**
 * Cross-entropy on logits, computed stably: binary per channel for sigmoid outputs (PyTorch's
 * BCEWithLogitsLoss: {@code max(x, 0) - x g + log(1 + exp(-|x|))}, mean over every element), or categorical over
 * the channels for softmax outputs ({@code -sum_c g_c log softmax(x)_c}, mean over voxels and batch).
 *
 * @param activation SIGMOID for binary, SOFTMAX for categorical
 */
public record CrossEntropyLoss(OutputActivation activation) implements SegmentationLoss {

    public CrossEntropyLoss {
        if (activation == OutputActivation.NONE) {
            throw new IllegalArgumentException("cross-entropy works on logits: choose sigmoid or softmax");
        }
    }

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        SegmentationLoss.checkShapes(outputs, targets);
        if (activation == OutputActivation.SOFTMAX) {
            return outputs.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
        }
        return softplusOfNegativeAbs(outputs).add(outputs.maximum(0)).sub(outputs.mul(targets)).mean();
    }

    /** {@code log(1 + exp(-|x|))}, the stable part of the logistic loss. */
    static NDArray softplusOfNegativeAbs(NDArray x) {
        return x.abs().neg().exp().add(1).log();
    }
}
