package org.voxseg.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.network.UNet3d;

/**
 * A trained network in inference mode (no dropout, no deep-supervision heads), its outputs turned into
 * probabilities with the activation it was trained with (sigmoid for regions, softmax for classes). In fp16 the
 * network reads converted copies of its weights and window batches are converted on the way in; in bf16 it runs as a
 * TorchScript program that converts inside libtorch ({@link ScriptedNetwork}). Either way its outputs are float32
 * again before the activation.
 */
public final class NetworkPredictor implements Predictor {

    private final Block network;
    private final OutputActivation activation;
    private final Precision precision;
    private final ConvertedWeights weights;
    private final ScriptedNetwork scripted;

    /** The network in float32, as trained. */
    public NetworkPredictor(Block network, OutputActivation activation) {
        this(network, activation, Precision.FP32);
    }

    /**
     * The network computing in {@code precision}; other than float32, its weights are converted here, once.
     *
     * @throws IllegalArgumentException for bf16 with a network that is not voxseg's U-Net
     */
    public NetworkPredictor(Block network, OutputActivation activation, Precision precision) {
        this.network = Objects.requireNonNull(network, "network");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.weights = precision == Precision.FP16 ? new ConvertedWeights(network, precision.dataType()) : null;
        if (precision == Precision.BF16 && !(network instanceof UNet3d)) {
            throw new IllegalArgumentException("bf16 runs voxseg's U-Net only");
        }
        this.scripted = precision == Precision.BF16 ? ScriptedNetwork.of((UNet3d) network, true) : null;
    }

    @Override
    public NDArray predict(NDArray windows) {
        TorchRuntime.disableGradients();
        if (scripted != null) {
            return activation.probabilities(scripted.forward(windows));
        }
        if (weights == null) {
            ParameterStore store = new ParameterStore(windows.getManager(), false);
            return activation.probabilities(network.forward(store, new NDList(windows), false).get(0));
        }
        NDArray input = windows.toType(precision.dataType(), false);
        NDArray logits = network.forward(weights, new NDList(input), false).get(0);
        return activation.probabilities(logits.toType(DataType.FLOAT32, false));
    }
}
