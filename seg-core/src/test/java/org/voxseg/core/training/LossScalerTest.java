package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.core.testing.PythonTorch;

@ExtendWith(NdManagerExtension.class)
class LossScalerTest {

    @TempDir
    Path dir;

    /**
     * The scaler replays the steps of grad_scaler_reference.py (PyTorch's GradScaler with scale 2^16, growth 2 every
     * 3 good steps, backoff 0.5) and must agree at every step: the unscaled gradient, whether the step was taken,
     * the scale after it and the good steps in a row.
     */
    @Test
    void scalesSkipsAndGrowsAsPytorchsGradScaler(NDManager manager) throws IOException {
        PythonTorch.assumeAvailable();
        Path reference = dir.resolve("grad_scaler.json");
        String failure = PythonTorch.run(List.of(PythonTorch.script("/training/grad_scaler_reference.py"),
                reference.toString()));
        assertEquals("", failure);
        JsonNode steps = new ObjectMapper().readTree(reference.toFile()).get("steps");
        LossScaler scaler = new LossScaler(new LossScaler.Settings(65536f, 2, 0.5, 3));
        int skipped = 0;
        for (JsonNode expected : steps) {
            Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            w.setArray(manager.ones(new Shape(4)));
            w.getArray().setRequiresGradient(true);
            PairList<String, Parameter> parameters = new PairList<>();
            parameters.add("w", w);
            NDArray planted = manager.create(floats(expected.get("planted")));
            try (GradientCollector collector = TorchRuntime.gradientCollector()) {
                collector.backward(scaler.scaled(w.getArray().mul(planted).sum()));
            }

            boolean stepped = scaler.update(scaler.unscale(parameters));

            String step = "step " + expected;
            assertArrayEquals(floats(expected.get("unscaled")), w.getArray().getGradient().toFloatArray(), step);
            assertEquals(expected.get("stepped").asBoolean(), stepped, step);
            assertEquals((float) expected.get("scale").asDouble(), scaler.scale(), step);
            assertEquals(expected.get("growth_tracker").asInt(), scaler.state().goodSteps(), step);
            skipped += stepped ? 0 : 1;
        }
        assertEquals(3, skipped, "an infinity, a NaN and an overflow once scaled");
        assertEquals(skipped, scaler.state().skippedSteps());
    }

    @Test
    void aRestoredScalerContinuesWhereTheSavedOneStood() {
        LossScaler scaler = new LossScaler(LossScaler.DEFAULTS);
        scaler.update(false);
        scaler.update(true);
        LossScaler resumed = new LossScaler(LossScaler.DEFAULTS);

        resumed.restore(scaler.state());

        assertEquals(new LossScaler.State(32768f, 1, 1), resumed.state());
    }

    @Test
    void settingsThatCannotScaleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LossScaler.Settings(0, 2, 0.5, 2000));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler.Settings(65536f, 1, 0.5, 2000));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler.Settings(65536f, 2, 1, 2000));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler.Settings(65536f, 2, 0.5, 0));
    }

    /** Python's float spellings ({@code inf}, {@code nan}, {@code 1e-07}) as floats. */
    private static float[] floats(JsonNode values) {
        float[] parsed = new float[values.size()];
        for (int i = 0; i < parsed.length; i++) {
            String value = values.get(i).asText();
            parsed[i] = switch (value) {
                case "inf" -> Float.POSITIVE_INFINITY;
                case "-inf" -> Float.NEGATIVE_INFINITY;
                case "nan" -> Float.NaN;
                default -> (float) Double.parseDouble(value);
            };
        }
        return parsed;
    }
}
