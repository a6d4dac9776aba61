package org.voxseg.core.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.voxseg.data.geometry.Extent;

/**
 * The config's {@code model} section and the architecture part of {@code model.json}: everything needed to rebuild
 * the same U-Net to load saved parameters. Sizes per level are given along (x, y, z), like patch shapes. Defaults
 * (nnU-Net-like: strides 1 then 2, kernels 3, instance norm, leaky ReLU 0.01, transposed-convolution upsampling,
 * two convolutions per block) live in {@link Builder}.
 *
 * @param inChannels input channels (modalities)
 * @param outChannels output channels (regions or classes)
 * @param filters feature channels per level, e.g. [32, 64, 128, 256, 320]
 * @param strides down-sampling per level along (x, y, z); level 0 is usually [1, 1, 1]
 * @param kernelSizes convolution kernel per level along (x, y, z), odd sizes
 * @param norm the normalisation layer
 * @param groups groups of group normalisation
 * @param activation the nonlinearity
 * @param negativeSlope leaky ReLU's slope
 * @param upsampling how the decoder upsamples
 * @param residual residual blocks instead of plain convolution stacks
 * @param deepSupervision extra outputs from the coarser decoder levels while training
 * @param dropout dropout probability after each convolution (0 for none)
 * @param convsPerLevel convolutions per block
 */
public record NetworkConfig(int inChannels, int outChannels, List<Integer> filters, List<Extent> strides,
        List<Extent> kernelSizes,
        Norm norm, int groups, Activation activation, double negativeSlope, Upsampling upsampling, boolean residual,
        boolean deepSupervision, double dropout, int convsPerLevel) {

    /** The normalisation after each convolution (config values {@code instance}, {@code group}, {@code batch}). */
    public enum Norm {
        INSTANCE,
        GROUP,
        BATCH;

        /** The norm a config value names, e.g. {@code instance}. */
        public static Norm of(String name) {
            return NetworkConfigChecks.choice("norm", name, values());
        }
    }

    /** The nonlinearity after each normalisation (config values {@code relu}, {@code leaky_relu}). */
    public enum Activation {
        RELU,
        LEAKY_RELU;

        /** The activation a config value names, e.g. {@code leaky_relu}. */
        public static Activation of(String name) {
            return NetworkConfigChecks.choice("activation", name, values());
        }
    }

    /**
     * How the decoder upsamples: {@code transposed} (k = stride, as 1x1x1 conv + depth-to-space), {@code nearest} or
     * {@code trilinear}.
     */
    public enum Upsampling {
        TRANSPOSED,
        NEAREST,
        TRILINEAR;

        /** The upsampling a config value names, e.g. {@code transposed}. */
        public static Upsampling of(String name) {
            return NetworkConfigChecks.choice("upsampling", name, values());
        }
    }

    /** A builder with the defaults for everything. */
    public static Builder builder() {
        return new Builder();
    }

    /** A network with the defaults for everything but the channels and filters. */
    public static NetworkConfig basic(int inChannels, int outChannels, int... filters) {
        return builder().inChannels(inChannels).outChannels(outChannels)
                .filters(Arrays.stream(filters).boxed().toList()).build();
    }

    public NetworkConfig {
        filters = List.copyOf(filters);
        strides = List.copyOf(strides);
        kernelSizes = List.copyOf(kernelSizes);
        if (norm == null || activation == null || upsampling == null) {
            throw new IllegalArgumentException("norm, activation and upsampling must be given");
        }
        NetworkConfigChecks.validate(inChannels, outChannels, NetworkConfigChecks.filtersArray(filters),
                NetworkConfigChecks.triples(strides), NetworkConfigChecks.triples(kernelSizes), norm, groups,
                upsampling, dropout, convsPerLevel);
    }

    /** The filters per level as an array, for the network's loops. */
    public int[] filtersArray() {
        return NetworkConfigChecks.filtersArray(filters);
    }

    /** The strides per level as {@code [level][axis]}, for the network's loops. */
    public int[][] stridesArray() {
        return NetworkConfigChecks.triples(strides);
    }

    /** The kernel sizes per level as {@code [level][axis]}, for the network's loops. */
    public int[][] kernelSizesArray() {
        return NetworkConfigChecks.triples(kernelSizes);
    }

    /** The number of resolution levels. */
    public int levels() {
        return filters.size();
    }

    /** The product of the strides along (x, y, z): input sizes must be multiples of it. */
    public int[] totalStride() {
        int[] total = {1, 1, 1};
        for (Extent stride : strides) {
            for (int d = 0; d < 3; d++) {
                total[d] *= stride.get(d);
            }
        }
        return total;
    }

    /** Outputs while training: the full-resolution one, plus one per coarser decoder level with deep supervision. */
    public int trainingOutputs() {
        return deepSupervision ? levels() - 1 : 1;
    }

    private static List<Extent> defaultStrides(int levels) {
        List<Extent> strides = new ArrayList<>(cubes(levels, 2));
        strides.set(0, Extent.cube(1));
        return strides;
    }

    private static List<Extent> cubes(int levels, int size) {
        return Collections.nCopies(levels, Extent.cube(size));
    }

    /** Collects a model section; every field starts at its default. */
    public static final class Builder {
        private int inChannels = 4;
        private int outChannels = 3;
        private List<Integer> filters = List.of(32, 64, 128, 256, 320);
        private List<Extent> strides;
        private List<Extent> kernelSizes;
        private Norm norm = Norm.INSTANCE;
        private int groups = 8;
        private Activation activation = Activation.LEAKY_RELU;
        private double negativeSlope = 0.01;
        private Upsampling upsampling = Upsampling.TRANSPOSED;
        private boolean residual;
        private boolean deepSupervision;
        private double dropout;
        private int convsPerLevel = 2;

        private Builder() {
        }

        public Builder inChannels(int value) {
            inChannels = value;
            return this;
        }

        public Builder outChannels(int value) {
            outChannels = value;
            return this;
        }

        public Builder filters(List<Integer> value) {
            filters = value;
            return this;
        }

        /** Strides per level; by default 1 at level 0 and 2 below. */
        public Builder strides(List<Extent> value) {
            strides = value;
            return this;
        }

        /** Kernel sizes per level; by default 3 everywhere. */
        public Builder kernelSizes(List<Extent> value) {
            kernelSizes = value;
            return this;
        }

        public Builder norm(Norm value) {
            norm = value;
            return this;
        }

        public Builder groups(int value) {
            groups = value;
            return this;
        }

        public Builder activation(Activation value) {
            activation = value;
            return this;
        }

        public Builder negativeSlope(double value) {
            negativeSlope = value;
            return this;
        }

        public Builder upsampling(Upsampling value) {
            upsampling = value;
            return this;
        }

        public Builder residual(boolean value) {
            residual = value;
            return this;
        }

        public Builder deepSupervision(boolean value) {
            deepSupervision = value;
            return this;
        }

        public Builder dropout(double value) {
            dropout = value;
            return this;
        }

        public Builder convsPerLevel(int value) {
            convsPerLevel = value;
            return this;
        }

        public NetworkConfig build() {
            return new NetworkConfig(inChannels, outChannels, filters,
                    strides != null ? strides : defaultStrides(filters.size()),
                    kernelSizes != null ? kernelSizes : cubes(filters.size(), 3), norm, groups, activation,
                    negativeSlope, upsampling, residual, deepSupervision, dropout, convsPerLevel);
        }
    }
}
