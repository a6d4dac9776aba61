package org.voxseg.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.OutputActivation;

/**
 * A trained network in inference mode (no dropout, no deep-supervision heads), its outputs turned into
 * probabilities with the activation it was trained with (sigmoid for regions, softmax for classes).
 */
public final class NetworkPredictor implements Predictor {

    private final Block network;
    private final OutputActivation activation;

    public NetworkPredictor(Block network, OutputActivation activation) {
        this.network = Objects.requireNonNull(network, "network");
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    @Override
    public NDArray predict(NDArray windows) {
        TorchRuntime.disableGradients();
        ParameterStore store = new ParameterStore(windows.getManager(), false);
        NDArray logits = network.forward(store, new NDList(windows), false).get(0);
        return activation.probabilities(logits);
    }
}
