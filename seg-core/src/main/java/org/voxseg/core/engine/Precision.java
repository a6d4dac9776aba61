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
     * bfloat16 (float32's range, 8 bits of mantissa): CPUs with AMX or AMD's AVX-512 BF16, and GPUs since Ampere. DJL
     * cannot convert to it; the network's TorchScript program converts inside libtorch.
     */
    BF16;

    /**
     * Refuses a precision the device cannot compute usefully: fp16 on a CPU, where libtorch's kernels convert each
     * value and gain nothing; bf16 on a CPU whose bfloat16 dot products do not beat float32
     * ({@link CpuFeatures#bfloat16()}).
     *
     * @throws IllegalArgumentException saying why
     */
    public void requireSupportedOn(Device device) {
        if (this == FP16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision fp16 runs on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": libtorch's CPU kernels compute half precision without speed-up");
        }
        requireFastBfloat16(device);
    }

    /**
     * Refuses a precision voxseg cannot train in on {@code device}: fp16 on a CPU (dynamic loss scaling,
     * {@code LossScaler}, is for GPUs), and bf16 where it is slower than fp32, as for prediction.
     *
     * @throws IllegalArgumentException saying why
     */
    public void requireTrainableOn(Device device) {
        if (this == FP16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision fp16 trains on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": libtorch's CPU kernels compute half precision without speed-up; "
                    + "train in fp32, or in bf16 on a CPU with fast bfloat16");
        }
        requireFastBfloat16(device);
    }

    private void requireFastBfloat16(Device device) {
        if (this == BF16 && !device.isGpu() && !CpuFeatures.bfloat16()) {
            throw new IllegalArgumentException("precision bf16 is slower than fp32 on this CPU: it needs AMX "
                    + "(amx_bf16 in /proc/cpuinfo) or an AMD CPU with avx512_bf16 (-D" + CpuFeatures.BF16_PROPERTY
                    + "=true overrides)");
        }
    }

    /** The option's spelling, e.g. {@code fp16}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
