package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.prediction.MirrorAxes;
import org.voxseg.data.geometry.Extent;

class PredictionOptionTest {

    private static PredictionOverrides given(Map<PredictionOption, String> values) {
        PredictionOverrides.Builder overrides = PredictionOverrides.builder();
        for (PredictionOption option : PredictionOption.values()) {
            option.apply(overrides, values.get(option));
        }
        return overrides.build();
    }

    @Test
    void eachOptionSetsItsOverrideFromText() {
        PredictionOverrides overrides = given(Map.of(PredictionOption.ROI, "64, 48,32", PredictionOption.OVERLAP, "0.5",
                PredictionOption.SW_BATCH, "4", PredictionOption.TTA_AXES, "z,x", PredictionOption.POSTPROCESSING,
                "off", PredictionOption.DEVICE, "gpu:1", PredictionOption.PRECISION, "BF16"));

        assertEquals(new Extent(64, 48, 32), overrides.roi());
        assertEquals(0.5, overrides.overlap());
        assertEquals(4, overrides.windowBatch());
        assertEquals(MirrorAxes.parse("x,z"), overrides.mirrorAxes());
        assertEquals(Boolean.TRUE, overrides.tta(), "giving the axes switches mirroring on");
        assertEquals(false, overrides.postprocessing());
        assertEquals(DeviceRequest.parse("gpu:1"), overrides.device());
        assertEquals(Precision.BF16, overrides.precision());
    }

    @Test
    void nothingOrBlankKeepsTheModelsSettingsAndAnExplicitSwitchWinsOverTheAxes() {
        PredictionOverrides none = given(Map.of(PredictionOption.OVERLAP, " "));
        PredictionOverrides axesButOff = given(Map.of(PredictionOption.TTA_AXES, "x", PredictionOption.TTA, "off"));

        assertNull(none.overlap());
        assertNull(none.tta());
        assertEquals(PredictionOverrides.NONE, none);
        assertEquals(Boolean.FALSE, axesButOff.tta());
    }

    @Test
    void aWrongValueIsNamedWithWhatTheOptionTakes() {
        List<String> expected = List.of("--overlap 'half': takes F", "--tta 'maybe': takes on or off",
                "--precision 'fp8': takes fp32|bf16|fp16",
                "--device 'tpu': takes auto|cpu|gpu|gpu:N ('tpu' is not a device (auto, cpu, gpu or gpu:N))");
        int n = 0;
        for (Map.Entry<PredictionOption, String> entry : List.of(Map.entry(PredictionOption.OVERLAP, "half"),
                Map.entry(PredictionOption.TTA, "maybe"), Map.entry(PredictionOption.PRECISION, "fp8"),
                Map.entry(PredictionOption.DEVICE, "tpu"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> entry.getKey().apply(PredictionOverrides.builder(), entry.getValue()));
            assertEquals(expected.get(n++), e.getMessage());
        }
    }

    @Test
    void javaNamesAreTheKeysInCamelCase() {
        assertEquals("ttaAxes", PredictionOption.TTA_AXES.fieldName());
        assertEquals("swBatch", PredictionOption.SW_BATCH.fieldName());
        assertEquals("overlap", PredictionOption.OVERLAP.fieldName());
    }
}
