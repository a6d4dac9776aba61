package org.voxseg.core.inference;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import org.voxseg.core.engine.CpuFeatures;
import org.voxseg.core.engine.TorchRuntime;

/**
 * The number type a network computes in at inference. Weights and window batches are converted to it; blending,
 * accumulation and everything after the network stay float32.
 */
public enum Precision {
    /** 32-bit floats, as trained. */
    FP32(DataType.FLOAT32),
    /** IEEE half precision: GPUs' tensor cores; libtorch's CPU kernels compute it without speed-up. */
    FP16(DataType.FLOAT16),
    /**
     * bfloat16 (float32's range, 8 bits of mantissa): CPUs with AVX-512 BF16 or AMX, and GPUs since Ampere. DJL
     * cannot convert to it, so the network runs as a TorchScript program that converts inside libtorch
     * ({@link ScriptedNetwork}).
     */
    BF16(DataType.BFLOAT16);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    /** DJL's type of the network's weights and inputs. */
    public DataType dataType() {
        return dataType;
    }

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

    /** The option's spelling, e.g. {@code fp16}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
