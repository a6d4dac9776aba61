package org.voxseg.cli;

import ai.djl.Device;
import java.util.List;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.TorchRuntime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The {@code --device auto|cpu|gpu|gpu:N} option of the commands that compute with libtorch. Text that names no
 * device is a usage error; a GPU libtorch does not see is refused in one line before anything is read or written.
 */
public final class DeviceOption {

    @Option(names = "--device", paramLabel = "auto|cpu|gpu|gpu:N", converter = Parser.class,
            description = "The device to compute on: auto (GPU 0 when libtorch sees one, else the CPU), cpu, gpu or "
                    + "gpu:N (default: the config's, or the model's; auto).")
    DeviceRequest device;

    /**
     * The device asked for, or null when the option was not given.
     *
     * @throws IllegalArgumentException {@code --device gpu:1: libtorch sees 1 GPU (gpu:0)} for a GPU not there
     */
    public DeviceRequest checked() {
        if (device != null) {
            TorchRuntime.device(device, "--device");
        }
        return device;
    }

    /**
     * Refuses, in one line naming {@code option}, any of {@code devices} that libtorch does not see.
     *
     * @throws IllegalArgumentException e.g. {@code --devices gpu:1: libtorch sees 1 GPU (gpu:0)}
     */
    public static void requireVisible(String option, List<DeviceRequest> devices) {
        devices.forEach(request -> TorchRuntime.device(request, option));
    }

    /** The device to compute on: the one asked for, else GPU 0 when libtorch sees one, else the CPU. */
    public Device resolved() {
        DeviceRequest request = checked();
        return TorchRuntime.device(request != null ? request : DeviceRequest.AUTO);
    }

    /** Reads the option's text. */
    public static final class Parser implements ITypeConverter<DeviceRequest> {
        @Override
        public DeviceRequest convert(String value) {
            return DeviceRequest.parse(value);
        }
    }
}
