package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.schedule.ConstantRate;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.sampling.Batch;
import org.voxseg.data.volume.Volume;

/**
 * Everything a run computes with lives on the run's device: the device {@code auto} resolves to (the CPU here,
 * GPU 0 on a machine with a CUDA libtorch), so the same test checks GPU placement where there is a GPU. Where the
 * CPU is the only device, an array on the wrong device would still be equal to it; so the test also checks what it
 * controls on every machine: each array belongs to the scope the test opened on the run's device (or a scope inside
 * it), and an array of that scope lives on its device. An array made in a scope of its own, the way an array ends up
 * on the engine's default device instead of the run's, fails here on a CPU-only machine too.
 */
@ExtendWith(NdManagerExtension.class)
class DevicePlacementTest {

    private static final NetworkConfig NETWORK = NetworkConfig.basic(2, 2, 4, 8);
    private static final Device DEVICE = TorchRuntime.device(DeviceRequest.AUTO);

    @TempDir
    Path dir;

    @Test
    void parametersGradientsAndOptimiserStateOfATrainedStepLiveOnTheRunsDevice(NDManager base) {
        try (NDManager run = base.newSubManager(DEVICE);
                TrainingSetup setup = TrainingSetup.create(NETWORK, Precision.FP32, 2, Extent.cube(16),
                        DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-3), 5, run)) {
            float[] images = new float[2 * 2 * 16 * 16 * 16];
            float[] targets = new float[images.length];
            for (int v = 0; v < images.length; v++) {
                images[v] = (v % 7) - 3;
                targets[v] = images[v] > 0 ? 1 : 0;
            }
            Batch batch = new Batch(2, 2, 2, Extent.cube(16), images, targets);
            setup.step().run(batch, 1e-3);

            for (Pair<String, Parameter> parameter : setup.network().getParameters()) {
                NDArray weight = parameter.getValue().getArray();
                assertOnTheRunsDevice(run, weight, parameter.getKey());
                assertOnTheRunsDevice(run, weight.getGradient(), parameter.getKey() + " gradient");
            }
            List<NDArray> arrays = run.getManagedArrays();
            assertFalse(setup.optimizer().state().buffers().isEmpty(), "Adam keeps moments");
            assertTrue(arrays.size() > setup.network().getParameters().size(), "weights and optimiser state");
            arrays.forEach(array -> assertOnTheRunsDevice(run, array, array.getName()));
        }
    }

    @Test
    void windowBatchesAndNetworkOutputsOfASlidingWindowPassLiveOnItsDevice(NDManager base) {
        try (NDManager run = base.newSubManager(DEVICE)) {
            UNet3d network = UNet3d.initialized(NETWORK, run, 1, Extent.cube(16));
            Predictor network32 = new NetworkPredictor(network, OutputActivation.SIGMOID);
            List<NDArray> seen = new ArrayList<>();
            Predictor recording = windows -> {
                NDArray probabilities = network32.predict(windows);
                assertOnTheRunsDevice(run, windows, "a window batch");
                assertOnTheRunsDevice(run, probabilities, "a window batch's outputs");
                seen.add(windows);
                seen.add(probabilities);
                return probabilities;
            };
            Volume image = Volume.wrap(Geometry.of(new Extent(24, 20, 16), Affine.identity()), 2,
                    new float[2 * 24 * 20 * 16]);

            SlidingWindow.gaussian(new int[] {16, 16, 16}, 0.5).predict(image, recording, run);

            assertTrue(seen.size() >= 4, "several window batches");
        }
    }

    @Test
    void aCheckpointWrittenOnTheRunsDeviceLoadsIntoANetworkOnTheCpu(NDManager base) throws IOException {
        Path file = dir.resolve("run.ckpt");
        Map<String, float[]> trained = new LinkedHashMap<>();
        try (NDManager run = base.newSubManager(DEVICE);
                TrainingSetup setup = TrainingSetup.create(NETWORK, Precision.FP32, 1, Extent.cube(16),
                        DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-3), 5, run)) {
            CheckpointFile.write(file, Checkpoint.capture(setup.network(), setup.optimizer(),
                    new ConstantRate(1e-3), 1, 1, 0.5, 1, Map.of()));
            setup.network().getParameters().forEach(p -> trained.put(p.getKey(), p.getValue().getArray()
                    .toFloatArray()));
        }
        try (NDManager cpu = base.newSubManager(Device.cpu())) {
            UNet3d network = UNet3d.initialized(NETWORK, cpu, 1, Extent.cube(16));
            CheckpointFile.read(file).loadWeightsInto(network, cpu);

            for (Pair<String, Parameter> parameter : network.getParameters()) {
                NDArray weight = parameter.getValue().getArray();
                assertEquals(Device.cpu(), weight.getDevice());
                assertEquals(DataType.FLOAT32, weight.getDataType());
                assertArrayEquals(trained.get(parameter.getKey()),
                        weight.toFloatArray(), parameter.getKey());
            }
        }
    }

    /** {@code array} is on the run's device and belongs to {@code run}, the test's scope on it, or to one inside. */
    private static void assertOnTheRunsDevice(NDManager run, NDArray array, String what) {
        assertEquals(DEVICE, array.getDevice(), what);
        for (NDManager scope = array.getManager(); scope != null; scope = scope.getParentManager()) {
            if (scope == run) {
                assertEquals(DEVICE, scope.getDevice(), what + "'s scope");
                return;
            }
        }
        fail(what + " belongs to a scope outside the run's: " + array.getManager());
    }
}
