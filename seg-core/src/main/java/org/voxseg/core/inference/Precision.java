package org.voxseg.core.inference;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import org.voxseg.core.engine.TorchRuntime;

/**
 * The number type a network computes in at inference. Weights and window batches are converted to it; blending,
 * accumulation and everything after the network stay float32.
 */
public enum Precision {
    /** 32-bit floats, as trained. */
    FP32(DataType.FLOAT32),
    /** IEEE half precision: GPUs' tensor cores; libtorch's CPU kernels compute it without speed-up. */
    FP16(DataType.FLOAT16);

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
     * value and gain nothing.
     *
     * @throws IllegalArgumentException saying why
     */
    public void requireSupportedOn(Device device) {
        if (this == FP16 && !device.isGpu()) {
            throw new IllegalArgumentException("precision fp16 runs on a GPU only, and this runs on "
                    + TorchRuntime.name(device) + ": libtorch's CPU kernels compute half precision without speed-up");
        }
    }

    /** The option's spelling, e.g. {@code fp16}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
