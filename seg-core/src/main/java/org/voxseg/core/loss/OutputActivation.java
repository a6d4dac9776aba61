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

    /** The probabilities for {@code outputs} (N, C, ...). */
    public NDArray probabilities(NDArray outputs) {
        return switch (this) {
            case SIGMOID -> Activation.sigmoid(outputs);
            case SOFTMAX -> outputs.softmax(1);
            case NONE -> outputs;
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
