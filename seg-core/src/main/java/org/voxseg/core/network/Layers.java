package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.ndarray.types.Shape;

/** The building parts a {@link NetworkConfig} chooses: convolutions, normalisation, activation, dropout. */
final class Layers {

    private final NetworkConfig config;

    Layers(NetworkConfig config) {
        this.config = config;
    }

    /**
     * A convolution keeping sizes (odd kernel, "same" padding) apart from its stride. It is always followed by a
     * normalisation, which removes any per-channel constant, so it has no bias (a bias there gets no gradient).
     */
    Block convolution(int filters, int[] kernelXyz, int[] strideXyz) {
        return Conv3d.builder().setFilters(filters).setKernelShape(Spatial.zyx(kernelXyz))
                .optStride(Spatial.zyx(strideXyz)).optPadding(Spatial.samePadding(kernelXyz)).optBias(false).build();
    }

    /** A 1x1x1 convolution. */
    Block pointwise(int filters, boolean bias) {
        return Conv3d.builder().setFilters(filters).setKernelShape(new Shape(1, 1, 1)).optBias(bias).build();
    }

    /** The configured normalisation over {@code channels}. */
    Block normalisation(int channels) {
        return switch (config.norm()) {
            case INSTANCE -> GroupNorm.instance(channels);
            case GROUP -> new GroupNorm(channels, config.groups());
            case BATCH -> BatchNorm.builder().optAxis(1).build();
        };
    }

    /** The configured activation. */
    NDArray activate(NDArray x) {
        return config.activation() == NetworkConfig.Activation.RELU ? Activation.relu(x)
                : Activation.leakyRelu(x, (float) config.negativeSlope());
    }

    /** Dropout while training, if configured. */
    NDArray dropout(NDArray x, boolean training) {
        return config.dropout() > 0 && training
                ? Dropout.dropout(x, (float) config.dropout(), true).singletonOrThrow() : x;
    }
}
