package org.voxseg.core.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.FloatBuffer;
import java.util.List;
import org.voxseg.core.inference.NetworkPredictor;
import org.voxseg.core.inference.SlidingWindowInferer;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.SegmentationMetrics;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/**
 * Scores a network on whole validation cases by sliding window: the soft-Dice loss of the stitched probabilities,
 * and the Dice of the thresholded (sigmoid) or arg-max (softmax) prediction per output channel, with BraTS's
 * empty-mask convention (both empty scores 1).
 */
final class Validation {

    private final SlidingWindowInferer inferer;
    private final OutputActivation activation;
    private final LabelEncoding encoding;

    Validation(SlidingWindowInferer inferer, OutputActivation activation, LabelEncoding encoding) {
        this.inferer = inferer;
        this.activation = activation;
        this.encoding = encoding;
    }

    /**
     * @param loss mean soft-Dice loss over cases and channels
     * @param dice mean Dice per output channel over cases
     */
    record Scores(double loss, double[] dice) {

        double meanDice() {
            double sum = 0;
            for (double d : dice) {
                sum += d;
            }
            return sum / dice.length;
        }
    }

    Scores score(Block network, List<SamplingCase> cases, NDManager manager) {
        int channels = encoding.channels();
        double[] dice = new double[channels];
        double lossSum = 0;
        NetworkPredictor predictor = new NetworkPredictor(network, activation);
        for (SamplingCase source : cases) {
            Volume probabilities = inferer.infer(source.image(), predictor, manager);
            FloatBuffer predictedValues = probabilities.data();
            FloatBuffer targetValues = encoding.encode(source.labels()).data();
            int voxels = probabilities.voxelsPerChannel();
            for (int c = 0; c < channels; c++) {
                double soft = 0;
                double softSum = 0;
                boolean[] predicted = new boolean[voxels];
                boolean[] truth = new boolean[voxels];
                for (int v = 0; v < voxels; v++) {
                    float p = predictedValues.get(c * voxels + v);
                    float g = targetValues.get(c * voxels + v);
                    soft += p * g;
                    softSum += p + g;
                    predicted[v] = activation == OutputActivation.SOFTMAX
                            ? isArgMax(predictedValues, c, v, channels, voxels) : p > 0.5f;
                    truth[v] = g > 0;
                }
                lossSum += 1 - (2 * soft + 1e-5) / (softSum + 1e-5);
                dice[c] += SegmentationMetrics.dice(predicted, truth, EmptyMaskConvention.brats());
            }
        }
        for (int c = 0; c < channels; c++) {
            dice[c] /= cases.size();
        }
        return new Scores(lossSum / (cases.size() * channels), dice);
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
