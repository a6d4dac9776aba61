package org.voxseg.core.engine;

import ai.djl.Device;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The device a run asks for, as the user writes it: {@code auto} (GPU 0 when libtorch sees one, else the CPU),
 * {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}. It becomes a DJL {@link Device} once, when the engine is known
 * ({@link #resolve}), so every array of a run lives on one device.
 *
 * @param kind auto, cpu or gpu
 * @param index the GPU's index (0 unless {@code kind} is GPU)
 */
public record DeviceRequest(Kind kind, int index) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of request. */
    public enum Kind { AUTO, CPU, GPU }

    /** GPU 0 if there is one, else the CPU: the default. */
    public static final DeviceRequest AUTO = new DeviceRequest(Kind.AUTO, 0);
    /** The CPU. */
    public static final DeviceRequest CPU = new DeviceRequest(Kind.CPU, 0);

    public DeviceRequest {
        if (kind == null || index < 0 || index > 0 && kind != Kind.GPU) {
            throw new IllegalArgumentException("not a device: " + kind + " " + index);
        }
    }

    /**
     * Reads {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (any case).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static DeviceRequest parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return new DeviceRequest(Kind.GPU, 0);
            default:
                if (value.matches("gpu:\\d{1,4}")) {
                    return new DeviceRequest(Kind.GPU, Integer.parseInt(value.substring(4)));
                }
                throw new IllegalArgumentException("'" + text + "' is not a device (auto, cpu, gpu or gpu:N)");
        }
    }

    /**
     * The device this request names on a machine where libtorch sees {@code visibleGpus} GPUs.
     *
     * @throws IllegalArgumentException for a GPU that is not there, saying what was found, e.g.
     *     {@code gpu:1: libtorch sees 1 GPU (gpu:0)}
     */
    public Device resolve(int visibleGpus) {
        return switch (kind) {
            case AUTO -> visibleGpus > 0 ? Device.gpu(0) : Device.cpu();
            case CPU -> Device.cpu();
            case GPU -> {
                if (index >= visibleGpus) {
                    throw new IllegalArgumentException(this + ": libtorch sees " + describeGpus(visibleGpus));
                }
                yield Device.gpu(index);
            }
        };
    }

    /** "no GPU", "1 GPU (gpu:0)", "2 GPUs (gpu:0, gpu:1)". */
    static String describeGpus(int count) {
        if (count == 0) {
            return "no GPU";
        }
        return count + (count == 1 ? " GPU (" : " GPUs (") + IntStream.range(0, count).mapToObj(i -> "gpu:" + i)
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The form {@link #parse} reads: {@code auto}, {@code cpu} or {@code gpu:N}. */
    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
