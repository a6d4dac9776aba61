package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.Test;

/** Proves the native setup: libtorch loads offline from the class path and runs a 3-D convolution. */
class TorchRuntimeTest {

    @Test
    void pytorchEngineLoadsOfflineAndRunsConv3d() {
        Engine engine = TorchRuntime.engine();
        System.out.println("voxseg engine: " + TorchRuntime.describe());

        assertEquals(TorchRuntime.ENGINE_NAME, engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        try (NDManager manager = engine.newBaseManager()) {
            NDArray input = manager.ones(new Shape(1, 1, 4, 4, 4));
            NDArray weight = manager.ones(new Shape(1, 1, 3, 3, 3));
            NDArray bias = manager.create(new float[] {0.5f});

            NDArray out = Conv3d.conv3d(input, weight, bias, new Shape(1, 1, 1), new Shape(1, 1, 1),
                    new Shape(1, 1, 1), 1).singletonOrThrow();

            assertArrayEquals(new long[] {1, 1, 4, 4, 4}, out.getShape().getShape());
            assertEquals(27.5f, out.getFloat(0, 0, 1, 2, 1), "interior voxel sums its 27 neighbours");
            assertEquals(8.5f, out.getFloat(0, 0, 0, 0, 0), "corner voxel sees 8 voxels of the zero-padded input");
        }
    }

    @Test
    void conv3dBlockTrainsWithAutograd() {
        Engine engine = TorchRuntime.engine();
        try (NDManager manager = engine.newBaseManager()) {
            Conv3d conv = Conv3d.builder().setKernelShape(new Shape(3, 3, 3)).setFilters(2)
                    .optPadding(new Shape(1, 1, 1)).build();
            conv.setInitializer(new NormalInitializer(0.1f), Parameter.Type.WEIGHT);
            conv.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 8, 8, 8));
            NDArray input = manager.randomNormal(new Shape(1, 4, 8, 8, 8));
            ParameterStore parameters = new ParameterStore(manager, false);

            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray out = conv.forward(parameters, new NDList(input), true).singletonOrThrow();
                assertArrayEquals(new long[] {1, 2, 8, 8, 8}, out.getShape().getShape());
                collector.backward(out.square().mean());
            }

            NDArray gradient = conv.getParameters().get("weight").getArray().getGradient();
            assertArrayEquals(new long[] {2, 4, 3, 3, 3}, gradient.getShape().getShape());
            assertTrue(gradient.abs().sum().getFloat() > 0, "gradients reach the weights");
        }
    }
}
