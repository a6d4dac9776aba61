package org.voxseg.core.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * A parameter store that hands a network copies of its weights in another number type, converted once. DJL cannot
 * cast a block ({@code Block.cast} is not implemented) and a parameter's array cannot be replaced once set, but every
 * layer reads its weights through the store, so the network computes in the copies' type while its own float32
 * weights stay as they are. The copies live in the weights' scope and go with the network.
 */
final class ConvertedWeights extends ParameterStore {

    private final Map<String, NDArray> converted = new HashMap<>();

    /** Converts every parameter of {@code network} to {@code type}. */
    ConvertedWeights(Block network, DataType type) {
        super(weightsScope(network), false);
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            converted.put(parameter.getValue().getId(), parameter.getValue().getArray().toType(type, false));
        }
    }

    /** The scope of the network's weights (DJL's store would otherwise open a base manager of its own). */
    private static NDManager weightsScope(Block network) {
        return network.getParameters().valueAt(0).getArray().getManager();
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null; // a layer without the parameter, e.g. a convolution without bias, as DJL's store answers
        }
        NDArray value = converted.get(parameter.getId());
        if (value == null || training) {
            throw new IllegalStateException("converted weights are for inference of the network they came from");
        }
        return value;
    }
}
