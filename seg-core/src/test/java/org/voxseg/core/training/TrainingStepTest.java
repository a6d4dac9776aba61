package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.testing.NdManagerExtension;

@ExtendWith(NdManagerExtension.class)
class TrainingStepTest {

    private static final Shape INPUT = new Shape(1, 1, 8, 8, 8);

    @Test
    void aStepUpdatesTheNetworkAndANonFiniteLossLeavesItUntouched(NDManager manager) {
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-2).build(manager)) {
            UNet3d net = new UNet3d(NetworkConfig.basic(1, 1, 4, 8));
            net.initialize(manager, DataType.FLOAT32, INPUT);
            TrainingStep step = new TrainingStep(net, new DeepSupervisionLoss(DiceLoss.of(OutputActivation.SIGMOID),
                    1), adam, 1.0, manager);
            NDArray x = manager.randomNormal(INPUT);
            NDArray targets = x.gt(0).toType(DataType.FLOAT32, false);

            Map<String, float[]> before = snapshot(net);
            double loss = step.run(x, targets, 1e-2);
            Map<String, float[]> after = snapshot(net);

            assertFalse(Double.isNaN(loss));
            assertFalse(Arrays.equals(before.values().iterator().next(), after.values().iterator().next()));
            TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                    () -> step.run(x.mul(Float.NaN), targets, 1e-2));
            assertEquals("the training loss became NaN", error.getMessage());
            Map<String, float[]> untouched = snapshot(net);
            after.forEach((name, values) -> assertArrayEquals(values, untouched.get(name), name));
        }
    }

    @Test
    void stepsAndPredictionsWorkOnThreadsOtherThanTheOneThatLoadedTheEngine(NDManager manager) throws Exception {
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-2).build(manager)) {
            UNet3d net = new UNet3d(NetworkConfig.basic(1, 1, 4, 8));
            net.initialize(manager, DataType.FLOAT32, INPUT);
            TrainingStep step = new TrainingStep(net, new DeepSupervisionLoss(DiceLoss.of(OutputActivation.SIGMOID),
                    1), adam, Double.NaN, manager);
            NDArray x = manager.randomNormal(INPUT);
            NDArray targets = x.gt(0).toType(DataType.FLOAT32, false);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean recordedGraph = new AtomicBoolean(true);

            // libtorch's grad mode is per thread and on in a new thread, as on Fiji's command threads.
            Thread worker = new Thread(() -> {
                try {
                    step.run(x, targets, 1e-2);
                    JniUtils.setGradMode(true);
                    recordedGraph.set(new NetworkPredictor(net, OutputActivation.SIGMOID).predict(x).hasGradient());
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            worker.start();
            worker.join();

            assertNull(failure.get(), () -> String.valueOf(failure.get()));
            assertFalse(recordedGraph.get(), "inference recorded an autograd graph");
        }
    }

    private static Map<String, float[]> snapshot(UNet3d net) {
        Map<String, float[]> values = new HashMap<>();
        net.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }
}
