package org.voxseg.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.network.UNet3d;

/**
 * A network in inference mode (no dropout, no deep-supervision heads), its outputs turned into probabilities with the
 * activation it was trained with (sigmoid for regions, softmax for classes). Any DJL block runs layer by layer on
 * its live weights; a U-Net runs on a copy of its weights, taken once when trained ({@link #frozen}) or per
 * validation while it trains ({@link #snapshot}): in fp32 and bf16 as one TorchScript program per window
 * ({@link ScriptedNetwork}), in fp16 on half-precision copies ({@link ConvertedWeights}). Outputs are float32 before
 * the activation either way.
 */
public final class NetworkPredictor implements Predictor {

    private final Block network;
    private final OutputActivation activation;
    private final ConvertedWeights halfWeights;
    private final ScriptedNetwork scripted;

    private NetworkPredictor(Block network, OutputActivation activation, ConvertedWeights halfWeights,
            ScriptedNetwork scripted) {
        this.network = Objects.requireNonNull(network, "network");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.halfWeights = halfWeights;
        this.scripted = scripted;
    }

    /** Any network in float32 on its live weights, layer by layer. */
    public NetworkPredictor(Block network, OutputActivation activation) {
        this(network, activation, null, null);
    }

    /**
     * A trained network whose weights no longer change, computing in {@code precision}; its weights are copied (and
     * converted) here, once, so later changes to them are not seen.
     */
    public static NetworkPredictor frozen(UNet3d network, OutputActivation activation, Precision precision) {
        return switch (precision) {
            case FP32 -> new NetworkPredictor(network, activation, null, ScriptedNetwork.of(network, false));
            case BF16 -> new NetworkPredictor(network, activation, null, ScriptedNetwork.of(network, true));
            case FP16 -> new NetworkPredictor(network, activation,
                    new ConvertedWeights(network, precision.dataType()), null);
        };
    }

    /**
     * The network in float32 as it is now, run as one program like {@link #frozen}'s, with its copy of the weights in
     * {@code scope}, freed with it: a snapshot per whole-case validation while the network trains.
     */
    public static NetworkPredictor snapshot(UNet3d network, OutputActivation activation, NDManager scope) {
        return new NetworkPredictor(network, activation, null, ScriptedNetwork.of(network, false, scope));
    }

    @Override
    public NDArray predict(NDArray windows) {
        TorchRuntime.disableGradients();
        if (scripted != null) {
            return activation.probabilities(scripted.forward(windows));
        }
        if (halfWeights == null) {
            ParameterStore store = new ParameterStore(windows.getManager(), false);
            return activation.probabilities(network.forward(store, new NDList(windows), false).get(0));
        }
        NDArray input = windows.toType(DataType.FLOAT16, false);
        NDArray logits = network.forward(halfWeights, new NDList(input), false).get(0);
        return activation.probabilities(logits.toType(DataType.FLOAT32, false));
    }
}
