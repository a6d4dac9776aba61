package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    private String detection;

    @BeforeEach
    void keepDetection() {
        detection = System.getProperty(CpuFeatures.BF16_PROPERTY);
    }

    @AfterEach
    void restoreDetection() {
        if (detection == null) {
            System.clearProperty(CpuFeatures.BF16_PROPERTY);
        } else {
            System.setProperty(CpuFeatures.BF16_PROPERTY, detection);
        }
    }

    @Test
    void float32TrainsEverywhereAndReducedPrecisionOnGpus() {
        assertDoesNotThrow(() -> Precision.FP32.requireTrainableOn(Device.cpu()));
        assertDoesNotThrow(() -> Precision.FP32.requireTrainableOn(Device.gpu()));
        assertDoesNotThrow(() -> Precision.BF16.requireTrainableOn(Device.gpu()));
        assertDoesNotThrow(() -> Precision.FP16.requireTrainableOn(Device.gpu()));
        String half = assertThrows(IllegalArgumentException.class,
                () -> Precision.FP16.requireTrainableOn(Device.cpu())).getMessage();
        assertTrue(half.startsWith("precision fp16 trains on a GPU only"), half);
    }

    @Test
    void bfloat16TrainsAndPredictsOnACpuOnlyWhereItIsFasterThanFloat32() {
        System.setProperty(CpuFeatures.BF16_PROPERTY, "false");
        String training = assertThrows(IllegalArgumentException.class,
                () -> Precision.BF16.requireTrainableOn(Device.cpu())).getMessage();
        String prediction = assertThrows(IllegalArgumentException.class,
                () -> Precision.BF16.requireSupportedOn(Device.cpu())).getMessage();
        assertTrue(training.startsWith("precision bf16 is slower than fp32 on this CPU"), training);
        assertEquals(training, prediction);
        System.setProperty(CpuFeatures.BF16_PROPERTY, "true");
        assertDoesNotThrow(() -> Precision.BF16.requireTrainableOn(Device.cpu()));
        assertDoesNotThrow(() -> Precision.BF16.requireSupportedOn(Device.cpu()));
    }
}
