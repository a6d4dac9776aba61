package org.voxseg.core.inference;

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
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.grid.Extent;

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
            NDArray half = new NetworkPredictor(network, OutputActivation.SIGMOID, Precision.FP16).predict(windows);

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
}
