package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.voxseg.data.volume.Volume;

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
     * The probabilities for a blended volume of raw outputs (one channel per output), computed on the host in
     * float32: sigmoid per value, or softmax over the channels of each voxel (its maximum subtracted first).
     */
    public Volume probabilities(Volume outputs) {
        float[] values = outputs.toArray();
        int voxels = outputs.voxelsPerChannel();
        int channels = outputs.channels();
        switch (this) {
            case SIGMOID -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (1 / (1 + Math.exp(-values[i])));
                }
            }
            case SOFTMAX -> {
                for (int v = 0; v < voxels; v++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < channels; c++) {
                        max = Math.max(max, values[c * voxels + v]);
                    }
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += Math.exp(values[c * voxels + v] - max);
                    }
                    for (int c = 0; c < channels; c++) {
                        values[c * voxels + v] = (float) (Math.exp(values[c * voxels + v] - max) / sum);
                    }
                }
            }
            case NONE -> {
                return outputs;
            }
        }
        return Volume.wrap(outputs.geometry(), channels, values);
    }
}
