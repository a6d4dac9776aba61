package org.voxseg.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.voxseg.core.inference.NetworkPredictor;
import org.voxseg.core.inference.Predictor;
import org.voxseg.core.inference.SlidingWindowInferer;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.SegmentationMetrics;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/**
 * Scores a network on whole validation cases by sliding window: the configured training loss on the stitched
 * probabilities (so {@code val_loss} and {@code train_loss} measure the same thing), and the Dice of the thresholded
 * (sigmoid) or arg-max (softmax) prediction per output channel with BraTS's empty-mask convention (both empty score
 * 1). The mean that picks the best model leaves out the background channel of one-hot classes.
 */
public final class SlidingWindowValidator implements Validator {

    private final List<SamplingCase> cases;
    private final SlidingWindowInferer inferer;
    private final OutputActivation activation;
    private final LabelEncoding encoding;
    private final SegmentationLoss loss;
    private final List<String> outputs;

    /**
     * @param loss the training loss, evaluated on outputs that {@code activation} turns into the predictions
     * @param outputs the output channel names, one per channel of {@code encoding}
     */
    public SlidingWindowValidator(List<SamplingCase> cases, SlidingWindowInferer inferer, OutputActivation activation,
            LabelEncoding encoding, SegmentationLoss loss, List<String> outputs) {
        if (outputs.size() != encoding.channels()) {
            throw new IllegalArgumentException(outputs.size() + " output names for " + encoding.channels()
                    + " output channels");
        }
        this.cases = List.copyOf(cases);
        this.inferer = inferer;
        this.activation = activation;
        this.encoding = encoding;
        this.loss = loss;
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public int cases() {
        return cases.size();
    }

    @Override
    public ValidationScores score(Block network, NDManager manager) {
        return score(new NetworkPredictor(network, activation), manager);
    }

    /** The scores of a predictor of probabilities. */
    public ValidationScores score(Predictor predictor, NDManager manager) {
        int channels = encoding.channels();
        double[] dice = new double[channels];
        double lossSum = 0;
        for (SamplingCase source : cases) {
            Volume probabilities = inferer.infer(source.image(), predictor, manager);
            Volume targets = encoding.encode(source.labels());
            lossSum += loss(probabilities, targets, manager);
            for (int c = 0; c < channels; c++) {
                dice[c] += dice(probabilities, targets, c);
            }
        }
        List<ValidationScores.OutputDice> perOutput = new ArrayList<>();
        double foregroundSum = 0;
        int first = encoding.firstForegroundChannel();
        for (int c = 0; c < channels; c++) {
            perOutput.add(new ValidationScores.OutputDice(outputs.get(c), dice[c] / cases.size()));
            foregroundSum += c >= first ? dice[c] / cases.size() : 0;
        }
        return new ValidationScores(lossSum / cases.size(), perOutput, foregroundSum / (channels - first));
    }

    private double loss(Volume probabilities, Volume targets, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            int[] shape = probabilities.geometry().shape();
            Shape tensor = new Shape(1, probabilities.channels(), shape[2], shape[1], shape[0]);
            NDArray p = scope.create(probabilities.data(), tensor);
            NDArray g = scope.create(targets.data(), tensor);
            return loss.evaluate(activation.outputsFor(p), g).getFloat();
        }
    }

    private double dice(Volume probabilities, Volume targets, int channel) {
        FloatBuffer predictedValues = probabilities.data();
        FloatBuffer targetValues = targets.data();
        int voxels = probabilities.voxelsPerChannel();
        int channels = probabilities.channels();
        boolean[] predicted = new boolean[voxels];
        boolean[] truth = new boolean[voxels];
        for (int v = 0; v < voxels; v++) {
            float p = predictedValues.get(channel * voxels + v);
            predicted[v] = activation == OutputActivation.SOFTMAX
                    ? isArgMax(predictedValues, channel, v, channels, voxels) : p > 0.5f;
            truth[v] = targetValues.get(channel * voxels + v) > 0;
        }
        return SegmentationMetrics.dice(predicted, truth, EmptyMaskConvention.brats());
    }

    private static boolean isArgMax(FloatBuffer probabilities, int channel, int voxel, int channels, int voxels) {
        float own = probabilities.get(channel * voxels + voxel);
        for (int c = 0; c < channels; c++) {
            if (c != channel && probabilities.get(c * voxels + voxel) > own) {
                return false;
            }
        }
        return true;
    }
}
