package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;

/**
 * A network in inference mode (no dropout, no deep-supervision heads), its outputs turned into probabilities with the
 * activation it was trained with (sigmoid for regions, softmax for classes). Any DJL block runs on its live weights;
 * a U-Net runs as one call of its program per batch of windows ({@link ScriptedNetwork}) on a copy of its weights,
 * taken once when trained ({@link #frozen}) or per validation while it trains ({@link #snapshot}) and converted to
 * the precision it computes in. Outputs are float32 before the activation either way.
 */
public final class NetworkPredictor implements Predictor {

    private final Block network;
    private final OutputActivation activation;
    private final ScriptedNetwork scripted;

    private NetworkPredictor(Block network, OutputActivation activation, ScriptedNetwork scripted) {
        this.network = Objects.requireNonNull(network, "network");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.scripted = scripted;
    }

    /** Any network in float32 on its live weights. */
    public NetworkPredictor(Block network, OutputActivation activation) {
        this(network, activation, null);
    }

    /**
     * A trained network whose weights no longer change, computing in {@code precision}; its weights are copied (and
     * converted) here, once, so later changes to them are not seen.
     */
    public static NetworkPredictor frozen(UNet3d network, OutputActivation activation, Precision precision) {
        return new NetworkPredictor(network, activation, ScriptedNetwork.of(network, precision));
    }

    /**
     * The network in float32 as it is now, run as one program like {@link #frozen}'s, with its copy of the weights in
     * {@code scope}, freed with it: a snapshot per whole-case validation while the network trains.
     */
    public static NetworkPredictor snapshot(UNet3d network, OutputActivation activation, NDManager scope) {
        return new NetworkPredictor(network, activation, ScriptedNetwork.of(network, Precision.FP32, scope));
    }

    @Override
    public NDArray predict(NDArray windows) {
        TorchRuntime.disableGradients();
        if (scripted != null) {
            return activation.probabilities(scripted.forward(windows));
        }
        ParameterStore store = new ParameterStore(windows.getManager(), false);
        return activation.probabilities(network.forward(store, new NDList(windows), false).get(0));
    }
}
