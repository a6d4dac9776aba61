package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * A loss between network outputs and encoded targets, both (N, C, z, y, x): region channels (sigmoid) or one-hot
 * classes with background first (softmax). Returns a scalar that autograd can differentiate.
 */
public interface SegmentationLoss {

    /**
     * The loss, averaged as MONAI's {@code reduction="mean"} does.
     *
     * @param outputs raw network outputs (logits), or probabilities when the loss's activation is NONE
     * @param targets encoded targets of the same shape, values 0 or 1
     * @throws IllegalArgumentException if the shapes differ
     */
    NDArray evaluate(NDArray outputs, NDArray targets);

    /** Refuses outputs and targets of different shapes. */
    static void checkShapes(NDArray outputs, NDArray targets) {
        if (!outputs.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("outputs " + outputs.getShape() + " and targets " + targets.getShape()
                    + " differ in shape");
        }
        if (outputs.getShape().dimension() < 3) {
            throw new IllegalArgumentException("outputs must be (N, C, spatial...), not " + outputs.getShape());
        }
    }
}
