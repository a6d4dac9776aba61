package org.voxseg.core.network;

/**
 * The floating-point operations of a {@link UNet3d} forward pass, counted from its configuration: two per
 * multiply-add of every convolution (the transposed ones included), the rest (normalisation, activations,
 * concatenation) being a few operations per voxel and left out. A training step is about three forward passes
 * (the backward pass costs two), the usual rule for reporting achieved GFLOP/s.
 */
public final class FlopCount {

    private FlopCount() {
    }

    /** Forward-pass FLOPs for an input of {@code batch} x channels x (x, y, z) voxels. */
    public static double forward(NetworkConfig config, int batch, int[] inputXyz) {
        int[] filters = config.filtersArray();
        int[][] strides = config.stridesArray();
        int[][] kernels = config.kernelSizesArray();
        double flops = 0;
        long[] size = {inputXyz[0], inputXyz[1], inputXyz[2]};
        long[][] levelSize = new long[config.levels()][];
        int channels = config.inChannels();
        for (int level = 0; level < config.levels(); level++) {
            for (int d = 0; d < 3; d++) {
                size[d] /= strides[level][d];
            }
            levelSize[level] = size.clone();
            long voxels = size[0] * size[1] * size[2];
            long kernel = (long) kernels[level][0] * kernels[level][1] * kernels[level][2];
            flops += convolutions(config, channels, filters[level], kernel, voxels);
            if (config.residual() && (channels != filters[level] || voxels != volume(levelSize, level, inputXyz))) {
                flops += 2.0 * channels * filters[level] * voxels;
            }
            channels = filters[level];
        }
        for (int level = config.levels() - 2; level >= 0; level--) {
            long voxels = levelSize[level][0] * levelSize[level][1] * levelSize[level][2];
            long kernel = (long) kernels[level][0] * kernels[level][1] * kernels[level][2];
            // Upsampling: a 1x1x1 convolution, at the coarse resolution for transposed (to filters * stride
            // channels) and interpolating modes (to filters channels), written as FLOPs per output voxel.
            int[] stride = strides[level + 1];
            long factor = (long) stride[0] * stride[1] * stride[2];
            flops += config.upsampling() == NetworkConfig.Upsampling.TRANSPOSED
                    ? 2.0 * filters[level + 1] * filters[level] * voxels
                    : 2.0 * filters[level + 1] * filters[level] * voxels / factor;
            flops += convolutions(config, 2 * filters[level], filters[level], kernel, voxels);
            if (config.residual()) {
                flops += 2.0 * 2 * filters[level] * filters[level] * voxels;
            }
        }
        long full = levelSize[0][0] * levelSize[0][1] * levelSize[0][2];
        flops += 2.0 * filters[0] * config.outChannels() * full;
        return batch * flops;
    }

    private static double convolutions(NetworkConfig config, int in, int out, long kernel, long voxels) {
        double flops = 2.0 * in * out * kernel * voxels;
        flops += (config.convsPerLevel() - 1) * 2.0 * out * out * kernel * voxels;
        return flops;
    }

    private static long volume(long[][] levelSize, int level, int[] input) {
        long[] previous = level == 0 ? new long[] {input[0], input[1], input[2]} : levelSize[level - 1];
        return previous[0] * previous[1] * previous[2];
    }
}
