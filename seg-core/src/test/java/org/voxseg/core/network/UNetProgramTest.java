package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.engine.CpuFeatures;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.core.testing.PythonTorch;
import org.voxseg.data.geometry.Extent;

/**
 * The scripted U-Net program against two references, for every norm, up-sampling, residual, deep-supervision and
 * anisotropic-stride option: its training-mode outputs against a plain PyTorch network built from PyTorch's own
 * layers in float64 ({@code plain_unet.py}, an independent definition of the same architecture), and its gradients
 * against PyTorch's own autograd on the same module in float64 (relative L2 error).
 */
@ExtendWith(NdManagerExtension.class)
class UNetProgramTest {

    private static final double RELATIVE = 1e-5;
    /** float32 against float64: sums over thousands of voxels round differently (largest seen 1.1e-5). */
    private static final double RELATIVE_TO_FLOAT64 = 2e-5;

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        TorchRuntime.seed(11);
        this.manager = manager;
    }

    /** Every norm, up-sampling kind, residual, deep supervision and anisotropic stride, each at least twice. */
    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("instance", "transposed", false, false, false),
                Arguments.of("instance", "transposed", false, true, true),
                Arguments.of("group", "nearest", true, false, false),
                Arguments.of("batch", "trilinear", false, true, false),
                Arguments.of("instance", "trilinear", true, true, true),
                Arguments.of("batch", "transposed", true, false, true),
                Arguments.of("group", "transposed", false, true, false),
                Arguments.of("instance", "nearest", false, false, true));
    }

    private static NetworkConfig config(String norm, String upsampling, boolean residual, boolean deepSupervision,
            boolean anisotropic) {
        int[][] strides = anisotropic ? new int[][] {{1, 1, 1}, {2, 2, 1}, {2, 2, 2}, {2, 2, 1}}
                : new int[][] {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}, {2, 2, 2}};
        return NetworkTestSupport.config(2, 3, new int[] {4, 8, 8, 16}, strides, norm, upsampling, residual,
                deepSupervision);
    }

    @ParameterizedTest(name = "{0} norm, {1} up-sampling, residual {2}, deep supervision {3}, anisotropic {4}")
    @MethodSource("options")
    void trainingOutputsEqualAPlainPytorchNetwork(String norm, String upsampling, boolean residual,
            boolean deepSupervision, boolean anisotropic, @TempDir Path work) throws IOException {
        PythonTorch.assumeAvailable();
        NetworkConfig config = config(norm, upsampling, residual, deepSupervision, anisotropic);
        Shape input = new Shape(2, 2, 16, 16, 16);
        UNet3d net = NetworkTestSupport.initialised(config, manager, input);
        NDArray images = manager.randomNormal(input);
        NDList tensors = inputAndWeights(images, net);

        NDList scripted = net.forward(new ParameterStore(manager, false), new NDList(images), true);

        Path outputs = work.resolve("outputs.f32");
        List<String> arguments = new ArrayList<>(List.of(PythonTorch.script("/network/plain_unet.py")));
        arguments.addAll(modelAndTensors(config, tensors, work));
        arguments.add(outputs.toString());
        assertEquals("", PythonTorch.run(arguments), "plain_unet.py failed");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(outputs)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(config.trainingOutputs(), scripted.size());
        for (int k = 0; k < scripted.size(); k++) {
            float[] reference = new float[Math.toIntExact(scripted.get(k).size())];
            bytes.asFloatBuffer().get(reference);
            bytes.position(bytes.position() + reference.length * Float.BYTES);
            NDArray expected = manager.create(reference, scripted.get(k).getShape());
            float scale = expected.abs().max().getFloat();
            float difference = expected.sub(scripted.get(k)).abs().max().getFloat();
            assertTrue(difference <= RELATIVE * scale, "output " + k + " differs by " + difference);
        }
        assertEquals(0, bytes.remaining(), "as many outputs as the plain network's");
    }

    @ParameterizedTest(name = "{0} norm, {1} up-sampling, residual {2}, deep supervision {3}, anisotropic {4}")
    @MethodSource("options")
    void gradientsEqualPytorchs(String norm, String upsampling, boolean residual, boolean deepSupervision,
            boolean anisotropic, @TempDir Path work) throws IOException {
        PythonTorch.assumeAvailable();
        NetworkConfig config = config(norm, upsampling, residual, deepSupervision, anisotropic);
        Shape input = new Shape(2, 2, 16, 16, 16);
        UNet3d net = NetworkTestSupport.initialised(config, manager, input);
        NDArray images = manager.randomNormal(input);
        NDList tensors = inputAndWeights(images, net);

        NDList outputWeights = new NDList();
        Map<String, NDArray> gradients = gradients(net, images, outputWeights);
        tensors.addAll(outputWeights);

        Map<String, float[]> expected = pythonGradients(config, tensors, new ArrayList<>(gradients.keySet()), work,
                false);
        gradients.forEach((name, actual) -> {
            double relative = relativeL2(expected.get(name), actual.toFloatArray());
            assertTrue(relative <= RELATIVE_TO_FLOAT64, name + ": gradients differ by " + relative + " (relative, L2)");
        });
    }

    /**
     * Mixed precision's gradients against float64's, beside the same network's with ideal bfloat16 convolutions
     * (float64 arithmetic, their inputs, weights, outputs and gradients rounded to bfloat16). Rounding alone moves
     * the deeper layers' gradients by 10-60% (a norm's scale and shift sum products that cancel; this loss, a random
     * weighting of the outputs, makes most of the sum cancel), and libtorch's kernels, which round at more places,
     * typically by twice that, the worst seen 1.4 (relative, L2). The 2x2x2 feature maps of this 16^3 input gave
     * garbage in bfloat16 (1e34) before the program computed maps that small in float32.
     */
    @ParameterizedTest(name = "{0} norm")
    @ValueSource(strings = {"instance", "group", "batch"})
    void bfloat16GradientsAreAsCloseToFloat64sAsBfloat16RoundingAllows(String norm, @TempDir Path work)
            throws IOException {
        PythonTorch.assumeAvailable();
        assumeTrue(CpuFeatures.current().hasBfloat16Instructions(), "this CPU has no bfloat16 instructions");
        NetworkConfig config = config(norm, "transposed", true, true, false);
        NDArray images = manager.randomNormal(new Shape(2, 2, 16, 16, 16));
        TorchRuntime.seed(5);
        UNet3d net = UNet3d.initialized(config, Precision.BF16, manager, 2, Extent.cube(16));
        NDList tensors = inputAndWeights(images, net);
        NDList outputWeights = new NDList();
        Map<String, NDArray> gradients = gradients(net, images, outputWeights);
        tensors.addAll(outputWeights);

        List<String> names = new ArrayList<>(gradients.keySet());
        Map<String, float[]> exact = pythonGradients(config, tensors, names, Files.createDirectory(
                work.resolve("exact")), false);
        Map<String, float[]> rounded = pythonGradients(config, tensors, names, Files.createDirectory(
                work.resolve("rounded")), true);
        List<Double> ratios = new ArrayList<>();
        gradients.forEach((name, actual) -> {
            double error = relativeL2(exact.get(name), actual.toFloatArray());
            assertTrue(error < 10, name + ": bfloat16's gradients differ from float64's by " + error + " (rel. L2)");
            ratios.add(error / relativeL2(exact.get(name), rounded.get(name)));
        });
        Collections.sort(ratios);
        double median = ratios.get(ratios.size() / 2);
        assertTrue(median < 3, "bfloat16's gradients are typically " + median + " times as far from float64's as "
                + "ideal bfloat16 rounding's");
    }

    /**
     * The gradients of the loss sum_k sum(output_k * weight_k) over the training outputs for the weights of
     * {@code net}, under PyTorch's names; draws the output weights into {@code outputWeights} where it is empty.
     */
    private Map<String, NDArray> gradients(UNet3d net, NDArray images, NDList outputWeights) {
        try (GradientCollector collector = TorchRuntime.gradientCollector()) {
            NDList outputs = net.forward(new ParameterStore(manager, false), new NDList(images), true);
            if (outputWeights.isEmpty()) {
                for (int k = 0; k < outputs.size(); k++) {
                    NDArray weight = manager.randomNormal(outputs.get(k).getShape());
                    weight.setName("output_weight" + k);
                    outputWeights.add(weight);
                }
            }
            NDArray loss = null;
            for (int k = 0; k < outputs.size(); k++) {
                NDArray term = outputs.get(k).mul(outputWeights.get(k)).sum();
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
        return PytorchWeights.gradients(net, manager);
    }

    /** |computed - reference| / |reference| in the L2 norm, refusing a reference of zeros. */
    private static double relativeL2(float[] reference, float[] computed) {
        double size = 0;
        double difference = 0;
        for (int i = 0; i < reference.length; i++) {
            size += (double) reference[i] * reference[i];
            difference += ((double) reference[i] - computed[i]) * ((double) reference[i] - computed[i]);
        }
        assertTrue(size > 0, "a gradient of zeros");
        return Math.sqrt(difference / size);
    }

    @Test
    void bfloat16TrainingOutputsAreFloat32sWithinItsResolution() {
        assumeTrue(CpuFeatures.current().hasBfloat16Instructions(), "this CPU has no bfloat16 instructions");
        NetworkConfig config = config("group", "transposed", true, true, false);
        NDArray images = manager.randomNormal(new Shape(2, 2, 16, 16, 16));
        NDList full = trainingOutputs(config, Precision.FP32, images);
        NDList half = trainingOutputs(config, Precision.BF16, images);

        for (int k = 0; k < full.size(); k++) {
            assertEquals(DataType.FLOAT32, half.get(k).getDataType(), "outputs come back in float32");
            double relative = full.get(k).sub(half.get(k)).norm().getFloat() / full.get(k).norm().getFloat();
            assertTrue(relative > 0 && relative < 3e-2, "output " + k + " differs by " + relative);
        }
    }

    /** The training-mode outputs of a network of {@code config}, seeded alike, computing in {@code precision}. */
    private NDList trainingOutputs(NetworkConfig config, Precision precision, NDArray images) {
        TorchRuntime.seed(5);
        UNet3d net = UNet3d.initialized(config, precision, manager, 2, Extent.cube(16));
        return net.forward(new ParameterStore(manager, false), new NDList(images), true);
    }

    @Test
    void theCommittedProgramIsTheModuleScripted(@TempDir Path work) throws IOException {
        PythonTorch.assumeAvailable();
        Path module = Path.of("src/main/resources/org/voxseg/core/network/voxseg_unet.py");
        Path scripted = work.resolve("scripted.ts");
        String failure = PythonTorch.run(List.of("src/main/python/make_scripted_unet.py", scripted.toString()));
        assertEquals("", failure, "make_scripted_unet.py failed");
        assertTrue(Files.isRegularFile(module), "run from seg-core: " + module);

        Path committed = work.resolve("committed.ts");
        try (InputStream in = UNetProgram.class.getResourceAsStream("scripted_unet.ts")) {
            Files.copy(in, committed);
        }
        assertEquals(programEntries(scripted), programEntries(committed),
                "scripted_unet.ts is stale: run seg-core/src/main/python/make_scripted_unet.py");
    }

    /**
     * A TorchScript archive's entries without its top folder (named after the file) and without the debug tables
     * (which hold the source's path): the code, the constants and the pickled module.
     */
    private static Map<String, String> programEntries(Path archive) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                if (!name.endsWith("debug_pkl")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(name, HexFormat.of().formatHex(in.readAllBytes()));
                    }
                }
            }
        }
        return entries;
    }

    /** The input, named "input", and copies of the network's weights under PyTorch's names: what Python reads. */
    private NDList inputAndWeights(NDArray images, UNet3d net) {
        images.setName("input");
        NDList tensors = new NDList(images);
        PytorchWeights.live(net, manager).forEach((name, value) -> {
            NDArray copy = value.duplicate();
            copy.setName(name);
            tensors.add(copy);
        });
        return tensors;
    }

    /** Writes {@code config} as model.json and {@code tensors} as a .safetensors file in {@code work}; their paths. */
    private static List<String> modelAndTensors(NetworkConfig config, NDList tensors, Path work) throws IOException {
        Path model = work.resolve("model.json");
        Files.writeString(model, ConfigJson.text(config));
        Path tensorFile = work.resolve("tensors.safetensors");
        try (OutputStream out = Files.newOutputStream(tensorFile)) {
            tensors.encode(out, NDList.Encoding.SAFETENSORS);
        }
        return List.of(model.toString(), tensorFile.toString());
    }

    /** PyTorch's gradients in float64 (program_gradients.py), with bfloat16-rounded convolutions if {@code rounded}. */
    private static Map<String, float[]> pythonGradients(NetworkConfig config, NDList tensors, List<String> names,
            Path work, boolean rounded) throws IOException {
        List<String> modelAndTensors = modelAndTensors(config, tensors, work);
        Path namesFile = work.resolve("names.txt");
        Files.write(namesFile, names);
        Path module = Files.write(work.resolve("voxseg_unet.py"), UNetProgram.definition());
        Path output = work.resolve("gradients.f32");
        List<String> arguments = new ArrayList<>(List.of(PythonTorch.script("/network/program_gradients.py"),
                module.toString()));
        arguments.addAll(modelAndTensors);
        arguments.addAll(List.of(namesFile.toString(), output.toString()));
        if (rounded) {
            arguments.add("bf16");
        }
        String failure = PythonTorch.run(arguments);
        assertEquals("", failure, "program_gradients.py failed");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(output)).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (String name : names) {
            Shape shape = tensors.stream().filter(t -> name.equals(t.getName())).findFirst().orElseThrow()
                    .getShape();
            float[] values = new float[Math.toIntExact(shape.size())];
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + values.length * Float.BYTES);
            gradients.put(name, values);
        }
        return gradients;
    }
}
