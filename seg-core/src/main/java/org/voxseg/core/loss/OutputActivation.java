package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/** How raw outputs become probabilities inside a loss: MONAI's {@code sigmoid=True}, {@code softmax=True}, or none. */
public enum OutputActivation {
    /** Independent probabilities per channel (nested regions, multi-label). */
    SIGMOID,
    /** A distribution over the channels (mutually exclusive classes). */
    SOFTMAX,
    /** The outputs are probabilities already. */
    NONE;

    private static final float PROBABILITY_FLOOR = 1e-7f;

    /** The probabilities for {@code outputs} (N, C, ...). */
    public NDArray probabilities(NDArray outputs) {
        return switch (this) {
            case SIGMOID -> Activation.sigmoid(outputs);
            case SOFTMAX -> outputs.softmax(1);
            case NONE -> outputs;
        };
    }

    /**
     * Outputs that this activation turns back into {@code probabilities} (clamped to [1e-7, 1 - 1e-7] so the result
     * is finite): the logit for sigmoid, the logarithm for softmax (softmax(log p) = p when the channels sum to 1).
     * Validation uses it to evaluate the training loss, which takes raw outputs, on stitched probabilities.
     */
    public NDArray outputsFor(NDArray probabilities) {
        NDArray p = probabilities.clip(PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR);
        return switch (this) {
            case SIGMOID -> p.log().sub(p.neg().add(1).log());
            case SOFTMAX -> p.log();
            case NONE -> probabilities;
        };
    }

    /**
     * {@code x} without channel 0 (MONAI's {@code include_background=False}); {@code x} itself if it has one
     * channel.
     */
    static NDArray withoutBackground(NDArray x) {
        return x.getShape().get(1) > 1 ? x.get(new NDIndex(":, 1:")) : x;
    }
}
