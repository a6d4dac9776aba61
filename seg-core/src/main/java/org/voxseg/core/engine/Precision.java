package org.voxseg.core.engine;

import ai.djl.Device;
import java.util.Locale;

/**
 * The number type a network's convolutions compute in. At inference weights and windows are converted to it, and
 * blending, accumulation and everything after the network stay float32; in training the weights, normalisation, the
 * network's outputs and the loss stay float32 (mixed precision).
 */
public enum Precision {
    /** 32-bit floats, as trained. */
    FP32,
    /** IEEE half precision: GPUs' tensor cores; libtorch's CPU kernels compute it without speed-up. */
    FP16,
    /**
     * bfloat16 (float32's range, 8 bits of mantissa): CPUs with AVX-512 BF16 or AMX, and GPUs since Ampere. DJL
     * cannot convert to it; the network's TorchScript program converts inside libtorch.
     */
    BF16;

    /**
     * Refuses a precision the device cannot compute usefully: fp16 on a CPU, where libtorch's kernels convert each
     * value and gain nothing; bf16 on a CPU without bfloat16 dot products ({@link CpuFeatures#bfloat16()}).
     *
     * @throws IllegalArgumentException saying why
     */
    public void requireSupportedOn(Device device) {
        if (this == FP16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision fp16 runs on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": libtorch's CPU kernels compute half precision without speed-up");
        }
        if (this == BF16 && !device.isGpu() && !CpuFeatures.bfloat16()) {
            throw new IllegalArgumentException("precision bf16 needs a CPU with bfloat16 instructions (avx512_bf16 or "
                    + "amx_bf16 in /proc/cpuinfo), and this one has none: it would be slower than fp32");
        }
    }

    /**
     * Refuses a precision voxseg cannot train in on {@code device}: fp16 on a CPU, as for prediction; bf16 on a CPU,
     * where libtorch 2.7.1's bfloat16 backward gave gradients 15-30% away from float32's (docs/engine.md).
     * Mixed-precision training is for GPUs (fp16 with dynamic loss scaling, {@code LossScaler}).
     *
     * @throws IllegalArgumentException saying why
     */
    public void requireTrainableOn(Device device) {
        if (this == FP16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision fp16 trains on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": libtorch's CPU kernels compute half precision without speed-up; "
                    + "train in fp32");
        }
        if (this == BF16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision bf16 trains on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": on a CPU libtorch's bfloat16 gradients were measured 15-30% "
                    + "away from float32's; train in fp32");
        }
    }

    /** The option's spelling, e.g. {@code fp16}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
