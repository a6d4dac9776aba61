package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxseg.core.api.TrainedModel;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.core.testing.PythonTorch;
import org.voxseg.data.geometry.Extent;

/**
 * An exported network, rebuilt in PyTorch by the {@code voxseg_unet.py} written beside its weights, computes what
 * voxseg computes; traced there and imported back, it predicts the same again. Every kind of layer voxseg builds is
 * covered: transposed and interpolating up-sampling, residual units, group and instance norm, anisotropic strides
 * and kernels. Runs where Python has torch, and is reported as skipped elsewhere.
 */
@ExtendWith(NdManagerExtension.class)
class SafetensorsExportTest {

    private static final double TOLERANCE = 1e-4;
    private static final Extent WINDOW = new Extent(16, 8, 12);

    @TempDir
    Path dir;

    static List<NetworkConfig> networks() {
        NetworkConfig.Builder base = NetworkConfig.builder().inChannels(2).outChannels(3).filters(List.of(4, 6, 8));
        return List.of(base.build(),
                NetworkConfig.builder().inChannels(2).outChannels(3).filters(List.of(4, 6, 8)).residual(true)
                        .norm(NetworkConfig.Norm.GROUP).groups(2).upsampling(NetworkConfig.Upsampling.TRILINEAR)
                        .build(),
                NetworkConfig.builder().inChannels(2).outChannels(3).filters(List.of(4, 6))
                        .strides(List.of(Extent.cube(1), new Extent(2, 1, 2)))
                        .kernelSizes(List.of(new Extent(3, 1, 3), new Extent(3, 3, 1)))
                        .activation(NetworkConfig.Activation.RELU).upsampling(NetworkConfig.Upsampling.NEAREST)
                        .deepSupervision(true).build());
    }

    /** A network of {@code config} with every parameter drawn at random (so no scale or shift is 1 or 0). */
    private static UNet3d randomNetwork(NetworkConfig config, NDManager manager) {
        UNet3d network = UNet3d.initialized(config, manager, 1, WINDOW);
        manager.getEngine().setRandomSeed(11);
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            NDArray value = parameter.getValue().getArray();
            value.addi(manager.randomNormal(value.getShape()).mul(0.3f));
        }
        return network;
    }

    private static ModelDescription description(NetworkConfig config) {
        return new ModelDescription(ModelDescription.FORMAT, config, null, OutputActivation.SIGMOID,
                List.of("flair", "t1"), List.of(2, 1, 4), true, List.of("WT", "TC", "ET"), WINDOW,
                PreprocessingConfig.builder().build(), PredictionConfig.builder().build(), null);
    }

    private static NDArray outputs(UNet3d network, NDArray input) {
        return network.forward(new ParameterStore(input.getManager(), false), new NDList(input), false).get(0);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void pytorchRebuildsTheExportedNetworkAndComputesTheSame(NetworkConfig config, NDManager manager)
            throws IOException {
        PythonTorch.assumeAvailable();
        UNet3d network = randomNetwork(config, manager);
        Path export = dir.resolve("export");
        SafetensorsExport.write(network, description(config), export);
        NDArray input = manager.randomNormal(new Shape(2, 2, WINDOW.z(), WINDOW.y(), WINDOW.x()));
        float[] pytorch = PythonTorch.exportedOutputs(export, input, dir, null);
        double difference = PythonTorch.largestDifference(outputs(network, input).toFloatArray(), pytorch);
        assertTrue(difference < TOLERANCE, "largest difference " + difference);
    }

    @Test
    void anExportTracedInPytorchImportsBackAndPredictsTheSame(NDManager manager) throws IOException {
        PythonTorch.assumeAvailable();
        NetworkConfig config = networks().get(1);
        UNet3d network = randomNetwork(config, manager);
        Path export = dir.resolve("export");
        SafetensorsExport.write(network, description(config), export);
        NDArray input = manager.randomNormal(new Shape(1, 2, WINDOW.z(), WINDOW.y(), WINDOW.x()));
        Path traced = dir.resolve("traced.ts");
        PythonTorch.exportedOutputs(export, input, dir, traced);
        Path run = dir.resolve("imported");
        TorchScriptImport.builder().model(traced).channels(List.of("flair", "t1"))
                .outputs(OutputLabels.parseRegions("WT=1+2+4,TC=1+4,ET=4")).roi(WINDOW).axes(TensorAxes.CKJI)
                .build().writeTo(run, manager);
        try (TrainedModel imported = TrainedModel.load(run, manager)) {
            float[] back = imported.predictor(Precision.FP32, BlendedValues.OUTPUTS).predict(input).toFloatArray();
            double difference = PythonTorch.largestDifference(outputs(network, input).toFloatArray(), back);
            assertTrue(difference < TOLERANCE, "largest difference " + difference);
        }
    }
}
