package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceRequestTest {

    @Test
    void theFourFormsReadAndWriteBack() {
        assertEquals(DeviceRequest.AUTO, DeviceRequest.parse("auto"));
        assertEquals(DeviceRequest.CPU, DeviceRequest.parse(" CPU "));
        assertEquals(new DeviceRequest(DeviceRequest.Kind.GPU, 0), DeviceRequest.parse("gpu"));
        assertEquals(new DeviceRequest(DeviceRequest.Kind.GPU, 3), DeviceRequest.parse("gpu:3"));
        for (String text : List.of("auto", "cpu", "gpu:0", "gpu:12")) {
            assertEquals(text, DeviceRequest.parse(text).toString());
        }
        for (String wrong : List.of("", "tpu", "gpu:", "gpu:-1", "gpu:x", "cuda:0", "cpu:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse(wrong));
            assertEquals("'" + wrong + "' is not a device (auto, cpu, gpu or gpu:N)", e.getMessage());
        }
    }

    @Test
    void autoTakesTheFirstGpuWhenThereIsOneAndAMissingGpuSaysWhatWasFound() {
        assertEquals(Device.cpu(), DeviceRequest.AUTO.resolve(0));
        assertEquals(Device.gpu(0), DeviceRequest.AUTO.resolve(2));
        assertEquals(Device.cpu(), DeviceRequest.CPU.resolve(2));
        assertEquals(Device.gpu(1), DeviceRequest.parse("gpu:1").resolve(2));

        assertEquals("gpu:1: libtorch sees 1 GPU (gpu:0)", assertThrows(IllegalArgumentException.class,
                () -> DeviceRequest.parse("gpu:1").resolve(1)).getMessage());
        assertEquals("gpu:0: libtorch sees no GPU", assertThrows(IllegalArgumentException.class,
                () -> DeviceRequest.parse("gpu").resolve(0)).getMessage());
        assertEquals("gpu:2: libtorch sees 2 GPUs (gpu:0, gpu:1)", assertThrows(IllegalArgumentException.class,
                () -> DeviceRequest.parse("gpu:2").resolve(2)).getMessage());
    }

    @Test
    void thisMachinesLibtorchIsDescribedWithTheDevicesItSees() {
        int gpus = TorchRuntime.visibleGpus();
        String line = TorchRuntime.describeDevices();

        assertEquals(true, line.startsWith("libtorch 2.7.1 from "), line);
        assertEquals(gpus == 0, line.endsWith("; devices: cpu"), line);
        assertEquals(gpus == 0 ? Device.cpu() : Device.gpu(0), TorchRuntime.device(DeviceRequest.AUTO));
    }
}
