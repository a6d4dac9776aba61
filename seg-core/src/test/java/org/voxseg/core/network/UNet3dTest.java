package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.testing.NdManagerExtension;

@ExtendWith(NdManagerExtension.class)
class UNet3dTest {

    private static final int[][] ISOTROPIC = {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}};

    private Engine engine;
    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        engine = TorchRuntime.engine();
        engine.setRandomSeed(3);
        this.manager = manager;
    }

    @Test
    void outputShapesForSeveralConfigurations() {
        String[][] variants = {
            {"instance", "transposed", "false"}, {"group", "nearest", "false"}, {"batch", "trilinear", "true"},
            {"instance", "trilinear", "true"}};
        Shape input = new Shape(2, 2, 8, 16, 12);
        for (String[] v : variants) {
            NetworkConfig config = NetworkTestSupport.config(2, 3, new int[] {4, 8, 16}, ISOTROPIC, v[0], v[1],
                    Boolean.parseBoolean(v[2]), false);
            UNet3d net = NetworkTestSupport.initialised(config, manager, input);
            NDList out = NetworkTestSupport.forward(net, manager, manager.randomNormal(input), false);
            assertEquals(new Shape(2, 3, 8, 16, 12), out.singletonOrThrow().getShape(), String.join(",", v));
        }
    }

    @Test
    void anisotropicStridesAndDeepSupervision() {
        int[][] strides = {{1, 1, 1}, {2, 2, 1}, {2, 2, 2}, {2, 2, 2}};  // (x, y, z): z halves only twice
        NetworkConfig config = NetworkTestSupport.config(1, 2, new int[] {4, 8, 8, 8}, strides, "instance",
                "transposed", false, true);
        Shape input = new Shape(1, 1, 8, 16, 24);
        UNet3d net = NetworkTestSupport.initialised(config, manager, input);

        NDList training = NetworkTestSupport.forward(net, manager, manager.randomNormal(input), true);
        NDList inference = NetworkTestSupport.forward(net, manager, manager.randomNormal(input), false);

        assertArrayEquals(new int[] {8, 8, 4}, config.totalStride());
        assertEquals(3, config.trainingOutputs());
        assertEquals(new Shape(1, 2, 8, 16, 24), training.get(0).getShape());
        assertEquals(new Shape(1, 2, 8, 8, 12), training.get(1).getShape());
        assertEquals(new Shape(1, 2, 4, 4, 6), training.get(2).getShape());
        assertEquals(1, inference.size(), "deep-supervision heads only while training");
    }

    @Test
    void parameterCountMatchesPytorchFormulas() {
        // The reference network of docs/engine.md: 4 -> 3 channels, base 16, 4 levels, instance norm, transposed conv.
        int[] f = {16, 32, 64, 128};
        NetworkConfig config = NetworkConfig.basic(4, 3, f);
        UNet3d net = NetworkTestSupport.initialised(config, manager, new Shape(1, 4, 16, 16, 16));

        long expected = 0;
        int in = 4;
        for (int level = 0; level < 4; level++) {
            expected += conv(in, f[level], 27) + 2L * f[level] + conv(f[level], f[level], 27) + 2L * f[level];
            in = f[level];
            // Conv3d(bias=False) + InstanceNorm3d(affine=True): weights, then scale and shift per channel.
        }
        for (int level = 0; level < 3; level++) {
            expected += (long) f[level + 1] * f[level] * 8 + f[level];                     // ConvTranspose3d k2 s2
            expected += conv(2 * f[level], f[level], 27) + 2L * f[level] + conv(f[level], f[level], 27) + 2L * f[level];
        }
        expected += conv(16, 3, 1) + 3;  // the output convolution keeps its bias

        long actual = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            actual += p.getValue().getArray().size();
        }
        assertEquals(expected, actual);
        assertEquals(1.40e6, actual, 0.01e6, "the 1.40 M-parameter network of docs/engine.md");
    }

    /** Conv3d(in, out, k, bias=False). */
    private static long conv(int in, int out, int kernelVolume) {
        return (long) in * out * kernelVolume;
    }

    @Test
    void gradientsReachEveryParameter() {
        NetworkConfig config = NetworkTestSupport.config(2, 2, new int[] {4, 8, 8, 8},
                new int[][] {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}, {2, 2, 2}}, "group", "transposed", true, true);
        Shape input = new Shape(1, 2, 16, 16, 16);
        UNet3d net = NetworkTestSupport.initialised(config, manager, input);
        NDArray targets = manager.randomUniform(0, 1, new Shape(1, 2, 16, 16, 16)).gt(0.7)
                .toType(DataType.FLOAT32, false);
        DeepSupervisionLoss loss = new DeepSupervisionLoss(DiceLoss.of(OutputActivation.SIGMOID),
                config.trainingOutputs());

        try (GradientCollector collector = engine.newGradientCollector()) {
            NDList outputs = NetworkTestSupport.forward(net, manager, manager.randomNormal(input), true);
            collector.backward(loss.evaluate(outputs, targets));
        }

        // nnU-Net weighs the coarsest deep-supervision output 0: its head alone learns nothing.
        String unweighted = "supervision" + (config.levels() - 2) + "_";
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                float magnitude = p.getValue().getArray().getGradient().abs().sum().getFloat();
                assertEquals(!p.getKey().contains(unweighted), magnitude > 0, p.getKey() + ": gradient " + magnitude);
            }
        }
    }

    @Test
    void savedParametersRestoreIdenticalOutputs() throws Exception {
        NetworkConfig config = NetworkTestSupport.config(2, 3, new int[] {4, 8, 16}, ISOTROPIC, "instance",
                "trilinear", true, false);
        Shape input = new Shape(1, 2, 8, 8, 8);
        UNet3d first = NetworkTestSupport.initialised(config, manager, input);
        NDArray x = manager.randomNormal(input);
        float[] before = NetworkTestSupport.forward(first, manager, x, false).singletonOrThrow().toFloatArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.saveParameters(new DataOutputStream(bytes));

        UNet3d second = NetworkTestSupport.initialised(config, manager, input);
        float[] fresh = NetworkTestSupport.forward(second, manager, x, false).singletonOrThrow().toFloatArray();
        second.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] after = NetworkTestSupport.forward(second, manager, x, false).singletonOrThrow().toFloatArray();

        assertTrue(before[0] != fresh[0], "a fresh network differs");
        assertArrayEquals(before, after);
    }

    /**
     * Parameter files written by the layer-by-layer network of earlier versions (its DJL blocks, seed 3, in
     * src/test/resources/network/legacy) load into today's network, which names its parameters alike and, from the
     * same seed, initialises them to the same values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"instance_transposed_supervised", "batch_trilinear_residual_anisotropic",
        "group_nearest_residual"})
    void checkpointsOfTheLayerByLayerNetworkLoad(String name) throws Exception {
        Path folder = Path.of(UNet3dTest.class.getResource("/network/legacy/" + name + ".json").toURI()).getParent();
        NetworkConfig config = ConfigJson.read(folder.resolve(name + ".json"), NetworkConfig.class);
        Map<String, NDArray> expected = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(folder.resolve(name + ".safetensors"))) {
            NDList.decode(manager, in).forEach(array -> expected.put(array.getName(), array));
        }

        TorchRuntime.seed(99);
        UNet3d loaded = NetworkTestSupport.initialised(config, manager, new Shape(1, 2, 8, 8, 8));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(folder.resolve(name + ".params")))) {
            loaded.loadParameters(manager, in);
        }
        TorchRuntime.seed(3);
        UNet3d seeded = NetworkTestSupport.initialised(config, manager, new Shape(1, 2, 8, 8, 8));

        assertEquals(Files.readAllLines(folder.resolve(name + ".names")), loaded.getParameters().keys());
        for (UNet3d net : List.of(loaded, seeded)) {
            Map<String, NDArray> actual = PytorchWeights.live(net, manager);
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((weight, value) -> assertArrayEquals(value.toFloatArray(),
                    actual.get(weight).toFloatArray(), weight));
        }
    }

    @Test
    void dropoutActsOnlyWhileTraining() {
        NetworkConfig config = NetworkConfig.builder().inChannels(1).outChannels(1).filters(List.of(4, 8)).dropout(0.5)
                .build();
        Shape input = new Shape(1, 1, 8, 8, 8);
        UNet3d net = NetworkTestSupport.initialised(config, manager, input);
        NDArray x = manager.randomNormal(input);

        float[] trainA = NetworkTestSupport.forward(net, manager, x, true).get(0).toFloatArray();
        float[] trainB = NetworkTestSupport.forward(net, manager, x, true).get(0).toFloatArray();
        float[] inferA = NetworkTestSupport.forward(net, manager, x, false).get(0).toFloatArray();
        float[] inferB = NetworkTestSupport.forward(net, manager, x, false).get(0).toFloatArray();

        assertFalse(Arrays.equals(trainA, trainB), "random masks differ between training passes");
        assertArrayEquals(inferA, inferB);
    }

    @Test
    void invalidConfigurationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NetworkTestSupport.config(1, 1, new int[] {6, 12},
                new int[][] {{1, 1, 1}, {2, 2, 2}}, "group", "transposed", false, false));
        assertThrows(IllegalArgumentException.class, () -> NetworkTestSupport.config(1, 1, new int[] {8, 16},
                new int[][] {{1, 1, 1}, {3, 3, 3}}, "instance", "trilinear", false, false));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NetworkTestSupport.config(1, 1, new int[] {8, 16}, null, "layer", "transposed", false, false));
        assertEquals("unknown norm 'layer'; known: [instance, group, batch]", error.getMessage());
    }
}
