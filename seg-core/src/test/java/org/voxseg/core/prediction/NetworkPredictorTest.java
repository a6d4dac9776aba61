package org.voxseg.core.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Extent;

@ExtendWith(NdManagerExtension.class)
class NetworkPredictorTest {

    @Test
    void halfPrecisionComputesInHalfAndAgreesWithFloat32WithinHalfsResolution(NDManager manager) {
        TorchRuntime.seed(3);
        for (NetworkConfig.Norm norm : NetworkConfig.Norm.values()) {
            NetworkConfig.Upsampling upsampling = NetworkConfig.Upsampling.values()[norm.ordinal()];
            NetworkConfig config = NetworkConfig.builder().inChannels(4).outChannels(3).filters(List.of(8, 16))
                    .norm(norm).upsampling(upsampling).build();
            UNet3d network = UNet3d.initialized(config, manager, 1, Extent.cube(16));
            NDArray windows = manager.randomNormal(new Shape(2, 4, 16, 16, 16));

            NDArray full = new NetworkPredictor(network, OutputActivation.SIGMOID).predict(windows);
            NDArray half = NetworkPredictor.frozen(network, OutputActivation.SIGMOID, Precision.FP16).predict(windows);

            assertEquals(DataType.FLOAT32, half.getDataType(), "probabilities come back in float32");
            assertEquals(full.getShape(), half.getShape());
            float difference = half.sub(full).abs().max().getFloat();
            assertTrue(difference > 0 && difference < 1e-2, norm + ", " + upsampling + ": " + difference);
            for (Pair<String, Parameter> parameter : network.getParameters()) {
                assertEquals(DataType.FLOAT32, parameter.getValue().getArray().getDataType(),
                        "the network's own weights stay float32");
            }
        }
    }

    @Test
    void bfloat16AgreesWithFloat32WithinItsResolutionForEveryKindOfLayer(NDManager manager) {
        TorchRuntime.seed(5);
        for (NetworkConfig.Norm norm : NetworkConfig.Norm.values()) {
            NetworkConfig.Upsampling upsampling = NetworkConfig.Upsampling.values()[norm.ordinal()];
            NetworkConfig config = NetworkConfig.builder().inChannels(4).outChannels(3).filters(List.of(8, 16, 16))
                    .strides(List.of(Extent.cube(1), new Extent(2, 2, 1), Extent.cube(2))).residual(norm.ordinal() == 1)
                    .norm(norm).groups(4).upsampling(upsampling).build();
            UNet3d network = UNet3d.initialized(config, manager, 1, new Extent(16, 16, 8));
            NDArray windows = manager.randomNormal(new Shape(2, 4, 8, 16, 16));

            NDArray full = new NetworkPredictor(network, OutputActivation.SIGMOID).predict(windows);
            NDArray brain = NetworkPredictor.frozen(network, OutputActivation.SIGMOID, Precision.BF16).predict(windows);

            assertEquals(DataType.FLOAT32, brain.getDataType(), "probabilities come back in float32");
            assertEquals(full.getShape(), brain.getShape());
            float difference = brain.sub(full).abs().max().getFloat();
            // bfloat16 keeps 8 bits of mantissa: probabilities move by a few thousandths, never by a wrong layer's
            // worth (a misplaced weight gives differences of order 0.1 to 1).
            assertTrue(difference > 0 && difference < 0.03, norm + ", " + upsampling + ": " + difference);
        }
    }

    @Test
    void aFrozenNetworkInFloat32ComputesWhatTheLiveOneComputesForEveryKindOfLayer(NDManager manager) {
        TorchRuntime.seed(7);
        for (NetworkConfig.Norm norm : NetworkConfig.Norm.values()) {
            NetworkConfig.Upsampling upsampling = NetworkConfig.Upsampling.values()[2 - norm.ordinal()];
            NetworkConfig config = NetworkConfig.builder().inChannels(4).outChannels(3).filters(List.of(8, 16, 16))
                    .strides(List.of(Extent.cube(1), new Extent(2, 1, 2), Extent.cube(2)))
                    .kernelSizes(List.of(new Extent(3, 3, 1), Extent.cube(3), Extent.cube(3)))
                    .residual(norm.ordinal() != 1).activation(NetworkConfig.Activation.values()[norm.ordinal() % 2])
                    .norm(norm).groups(4).upsampling(upsampling).build();
            UNet3d network = UNet3d.initialized(config, manager, 1, new Extent(16, 8, 16));
            NDArray windows = manager.randomNormal(new Shape(2, 4, 16, 8, 16));

            NDArray live = new NetworkPredictor(network, OutputActivation.NONE).predict(windows);
            NDArray frozen = NetworkPredictor.frozen(network, OutputActivation.NONE, Precision.FP32).predict(windows);

            float difference = frozen.sub(live).abs().max().getFloat();
            assertTrue(difference < 1e-4f, norm + ", " + upsampling + ": " + difference);
        }
    }
}
