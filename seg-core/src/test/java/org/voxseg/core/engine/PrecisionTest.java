package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void trainingTakesFloat32EverywhereAndReducedPrecisionOnGpusOnly() {
        assertDoesNotThrow(() -> Precision.FP32.requireTrainableOn(Device.cpu()));
        assertDoesNotThrow(() -> Precision.FP32.requireTrainableOn(Device.gpu()));
        assertDoesNotThrow(() -> Precision.BF16.requireTrainableOn(Device.gpu()));
        assertDoesNotThrow(() -> Precision.FP16.requireTrainableOn(Device.gpu()));
        String cpu = assertThrows(IllegalArgumentException.class,
                () -> Precision.BF16.requireTrainableOn(Device.cpu())).getMessage();
        assertTrue(cpu.startsWith("precision bf16 trains on a GPU only"), cpu);
        String half = assertThrows(IllegalArgumentException.class,
                () -> Precision.FP16.requireTrainableOn(Device.cpu())).getMessage();
        assertTrue(half.startsWith("precision fp16 trains on a GPU only"), half);
    }
}
