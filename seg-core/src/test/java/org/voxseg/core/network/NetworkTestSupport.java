package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.voxseg.data.geometry.Extent;

/** Builds and runs small networks for tests. */
final class NetworkTestSupport {

    private NetworkTestSupport() {
    }

    static NetworkConfig config(int in, int out, int[] filters, int[][] strides, String norm, String upsampling,
            boolean residual, boolean deepSupervision) {
        return NetworkConfig.builder().inChannels(in).outChannels(out)
                .filters(Arrays.stream(filters).boxed().toList())
                .strides(strides == null ? null : Arrays.stream(strides).map(Extent::of).toList())
                .norm(NetworkConfig.Norm.of(norm)).groups(4)
                .upsampling(NetworkConfig.Upsampling.of(upsampling))
                .residual(residual).deepSupervision(deepSupervision).build();
    }

    static UNet3d initialised(NetworkConfig config, NDManager manager, Shape input) {
        UNet3d net = new UNet3d(config);
        net.initialize(manager, DataType.FLOAT32, input);
        return net;
    }

    static NDList forward(Block block, NDManager manager, NDArray input, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(input), training);
    }
}
