package org.voxseg.core.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * The config's {@code model} section and the architecture part of {@code model.json}: everything needed to rebuild
 * the same U-Net to load saved parameters. Sizes per level are given along (x, y, z), like patch shapes.
 *
 * @param inChannels input channels (modalities)
 * @param outChannels output channels (regions or classes)
 * @param filters feature channels per level, e.g. [32, 64, 128, 256, 320]
 * @param strides down-sampling per level along (x, y, z); level 0 is usually [1, 1, 1]
 * @param kernelSizes convolution kernel per level along (x, y, z), odd sizes
 * @param norm "instance", "group" or "batch"
 * @param groups groups of group normalisation
 * @param activation "relu" or "leaky_relu"
 * @param negativeSlope leaky ReLU's slope
 * @param upsampling "transposed" (k = stride, as 1x1x1 conv + depth-to-space), "nearest" or "trilinear"
 * @param residual residual blocks instead of plain convolution stacks
 * @param deepSupervision extra outputs from the coarser decoder levels while training
 * @param dropout dropout probability after each convolution (0 for none)
 * @param convsPerLevel convolutions per block
 */
public record NetworkConfig(int inChannels, int outChannels, int[] filters, int[][] strides, int[][] kernelSizes,
        String norm, int groups, String activation, double negativeSlope, String upsampling, boolean residual,
        boolean deepSupervision, double dropout, int convsPerLevel) {

    /** Normalisations, activations and upsampling modes the network knows. */
    public static final List<String> NORMS = List.of("instance", "group", "batch");
    public static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu");
    public static final List<String> UPSAMPLINGS = List.of("transposed", "nearest", "trilinear");

    /**
     * Reads a model section; absent fields take nnU-Net-like defaults (strides 1 then 2, kernels 3, instance norm,
     * leaky ReLU 0.01, transposed-convolution upsampling, two convolutions per block).
     */
    @JsonCreator
    public static NetworkConfig of(@JsonProperty("in_channels") Integer inChannels,
            @JsonProperty("out_channels") Integer outChannels, @JsonProperty("filters") int[] filters,
            @JsonProperty("strides") int[][] strides, @JsonProperty("kernel_sizes") int[][] kernelSizes,
            @JsonProperty("norm") String norm, @JsonProperty("groups") Integer groups,
            @JsonProperty("activation") String activation, @JsonProperty("negative_slope") Double negativeSlope,
            @JsonProperty("upsampling") String upsampling, @JsonProperty("residual") Boolean residual,
            @JsonProperty("deep_supervision") Boolean deepSupervision, @JsonProperty("dropout") Double dropout,
            @JsonProperty("convs_per_level") Integer convsPerLevel) {
        int[] levels = filters == null ? new int[] {32, 64, 128, 256, 320} : filters;
        return new NetworkConfig(inChannels == null ? 4 : inChannels, outChannels == null ? 3 : outChannels, levels,
                strides == null ? defaultStrides(levels.length) : strides,
                kernelSizes == null ? cubes(levels.length, 3) : kernelSizes, norm == null ? "instance" : norm,
                groups == null ? 8 : groups, activation == null ? "leaky_relu" : activation,
                negativeSlope == null ? 0.01 : negativeSlope, upsampling == null ? "transposed" : upsampling,
                residual != null && residual, deepSupervision != null && deepSupervision,
                dropout == null ? 0 : dropout, convsPerLevel == null ? 2 : convsPerLevel);
    }

    /** A network with the defaults of {@link #of} for everything but the channels and filters. */
    public static NetworkConfig basic(int inChannels, int outChannels, int... filters) {
        return of(inChannels, outChannels, filters, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public NetworkConfig {
        filters = filters.clone();
        strides = deepCopy(strides);
        kernelSizes = deepCopy(kernelSizes);
        validate(inChannels, outChannels, filters, strides, kernelSizes, norm, groups, activation, upsampling,
                dropout, convsPerLevel);
    }

    @Override
    public int[] filters() {
        return filters.clone();
    }

    @Override
    public int[][] strides() {
        return deepCopy(strides);
    }

    @Override
    public int[][] kernelSizes() {
        return deepCopy(kernelSizes);
    }

    /** The number of resolution levels. */
    public int levels() {
        return filters.length;
    }

    /** The product of the strides along (x, y, z): input sizes must be multiples of it. */
    public int[] totalStride() {
        int[] total = {1, 1, 1};
        for (int[] stride : strides) {
            for (int d = 0; d < 3; d++) {
                total[d] *= stride[d];
            }
        }
        return total;
    }

    /** Outputs while training: the full-resolution one, plus one per coarser decoder level with deep supervision. */
    public int trainingOutputs() {
        return deepSupervision ? levels() - 1 : 1;
    }

    private static void validate(int in, int out, int[] filters, int[][] strides, int[][] kernels, String norm,
            int groups, String activation, String upsampling, double dropout, int convs) {
        if (in < 1 || out < 1 || filters.length < 2) {
            throw new IllegalArgumentException("a U-Net needs channels in and out and at least 2 levels of filters");
        }
        if (strides.length != filters.length || kernels.length != filters.length) {
            throw new IllegalArgumentException("filters, strides and kernel_sizes need one entry per level ("
                    + filters.length + "), not " + strides.length + " strides and " + kernels.length + " kernels");
        }
        for (int level = 0; level < filters.length; level++) {
            if (strides[level].length != 3 || kernels[level].length != 3) {
                throw new IllegalArgumentException("level " + level + ": strides and kernel sizes are (x, y, z)");
            }
            for (int d = 0; d < 3; d++) {
                if (strides[level][d] < 1 || kernels[level][d] < 1 || kernels[level][d] % 2 == 0) {
                    throw new IllegalArgumentException("level " + level + ": strides must be positive and kernel"
                            + " sizes odd: " + Arrays.toString(strides[level]) + " " + Arrays.toString(kernels[level]));
                }
                if ("trilinear".equals(upsampling) && level > 0 && strides[level][d] > 2) {
                    throw new IllegalArgumentException("trilinear upsampling supports strides of 1 or 2, not "
                            + Arrays.toString(strides[level]));
                }
            }
            if ("group".equals(norm) && filters[level] % groups != 0) {
                throw new IllegalArgumentException("group norm: " + filters[level] + " filters are not divisible by "
                        + groups + " groups");
            }
        }
        checkChoice("norm", norm, NORMS);
        checkChoice("activation", activation, ACTIVATIONS);
        checkChoice("upsampling", upsampling, UPSAMPLINGS);
        if (!(dropout >= 0 && dropout < 1) || convs < 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1) and convs_per_level positive");
        }
    }

    private static void checkChoice(String field, String value, List<String> choices) {
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("unknown " + field + " '" + value + "'; known: " + choices);
        }
    }

    private static int[][] defaultStrides(int levels) {
        int[][] strides = cubes(levels, 2);
        strides[0] = new int[] {1, 1, 1};
        return strides;
    }

    private static int[][] cubes(int levels, int size) {
        int[][] out = new int[levels][];
        for (int level = 0; level < levels; level++) {
            out[level] = new int[] {size, size, size};
        }
        return out;
    }

    private static int[][] deepCopy(int[][] values) {
        int[][] copy = new int[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
