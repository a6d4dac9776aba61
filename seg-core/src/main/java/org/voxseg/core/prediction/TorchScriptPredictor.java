package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Objects;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.OutputActivation;

/**
 * A TorchScript model from the Python world as a predictor: windows transposed to the model's axis order, its first
 * output transposed back, its channels put in voxseg's order (e.g. MONAI's BraTS TC, WT, ET as WT, TC, ET), then
 * the activation, if windows blend probabilities.
 */
public final class TorchScriptPredictor implements Predictor {

    private final Block model;
    private final TensorAxes axes;
    private final int[] modelChannels;
    private final OutputActivation activation;

    /**
     * @param model the loaded TorchScript module
     * @param axes the order of the model's spatial axes
     * @param modelChannels for each of voxseg's output channels, the model's output channel
     * @param activation applied to the reordered outputs ({@link OutputActivation#NONE} when outputs are blended)
     */
    public TorchScriptPredictor(Block model, TensorAxes axes, int[] modelChannels, OutputActivation activation) {
        this.model = Objects.requireNonNull(model, "model");
        this.axes = Objects.requireNonNull(axes, "axes");
        this.modelChannels = modelChannels.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /**
     * @throws IllegalStateException if the model's output is not float32 with the expected channels and the
     *         window's spatial size
     */
    @Override
    public NDArray predict(NDArray windows) {
        TorchRuntime.disableGradients();
        NDArray input = axes.fromVoxseg(windows);
        NDList results = model.forward(new ParameterStore(windows.getManager(), false), new NDList(input), false);
        NDArray outputs = axes.toVoxseg(results.get(0));
        Shape in = windows.getShape();
        Shape expected = new Shape(in.get(0), modelChannels.length, in.get(2), in.get(3), in.get(4));
        if (!outputs.getShape().equals(expected) || outputs.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("the TorchScript model gives " + outputs.getDataType() + " "
                    + outputs.getShape() + " for windows " + in + ", not float32 " + expected);
        }
        return activation.probabilities(inVoxsegOrder(outputs));
    }

    /** The outputs' channels in voxseg's order; the outputs themselves when the orders agree. */
    private NDArray inVoxsegOrder(NDArray outputs) {
        boolean same = true;
        for (int c = 0; c < modelChannels.length; c++) {
            same &= modelChannels[c] == c;
        }
        if (same) {
            return outputs;
        }
        NDList channels = outputs.split(modelChannels.length, 1);
        return NDArrays.concat(new NDList(Arrays.stream(modelChannels).mapToObj(channels::get)
                .toArray(NDArray[]::new)), 1);
    }
}
