package org.voxseg.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.data.sampling.Batch;
import org.voxseg.data.sampling.BatchLoader;

/**
 * nnU-Net's validation during training: a fixed set of validation patches (foreground-oversampled like training
 * batches, drawn from a seed of their own, so every validation and every resume sees the same patches) gives the
 * configured loss and a pseudo Dice per output, {@code 2 TP / (2 TP + FP + FN)} with the true and false positives
 * summed over all patches. Its cost depends on the number of patches, not on the number or size of the cases; the
 * whole-case sliding-window validation runs at the end of training.
 */
public final class PatchValidator implements Validator {

    private final Supplier<BatchLoader> patches;
    private final int batches;
    private final OutputActivation activation;
    private final SegmentationLoss loss;
    private final List<String> outputs;
    private final int firstForeground;

    /**
     * @param patches a new loader of the validation batches, from the first; called once per validation
     * @param batches the number of batches per validation
     * @param activation how the network's outputs become predictions (sigmoid regions or softmax classes)
     * @param loss the configured training loss, on the network's raw outputs
     * @param outputs the output channel names
     * @param firstForeground the first output channel that counts for the mean Dice (1 for one-hot classes)
     */
    public PatchValidator(Supplier<BatchLoader> patches, int batches, OutputActivation activation,
            SegmentationLoss loss, List<String> outputs, int firstForeground) {
        if (batches < 1) {
            throw new IllegalArgumentException("validation needs at least one batch: " + batches);
        }
        if (firstForeground < 0 || firstForeground >= outputs.size()) {
            throw new IllegalArgumentException("no foreground output among " + outputs);
        }
        this.patches = Objects.requireNonNull(patches, "patches");
        this.batches = batches;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.outputs = List.copyOf(outputs);
        this.firstForeground = firstForeground;
    }

    @Override
    public int batches() {
        return batches;
    }

    @Override
    public ValidationScores score(Block network, NDManager manager) {
        int channels = outputs.size();
        double[] truePositives = new double[channels];
        double[] falsePositives = new double[channels];
        double[] falseNegatives = new double[channels];
        double[] voxels = new double[1];
        double lossSum = 0;
        TorchRuntime.disableGradients();
        try (BatchLoader loader = patches.get()) {
            for (int n = 0; n < batches; n++) {
                lossSum += score(network, loader.next(), manager, truePositives, falsePositives, falseNegatives,
                        voxels);
            }
        }
        List<ValidationScores.OutputDice> perOutput = new ArrayList<>();
        double foregroundSum = 0;
        for (int c = 0; c < channels; c++) {
            double denominator = 2 * truePositives[c] + falsePositives[c] + falseNegatives[c];
            // No foreground in any patch and none predicted is a perfect score (BraTS's empty-region convention).
            double dice = denominator == 0 ? 1 : 2 * truePositives[c] / denominator;
            double predictedFraction = (truePositives[c] + falsePositives[c]) / voxels[0];
            perOutput.add(new ValidationScores.OutputDice(outputs.get(c), dice, predictedFraction));
            foregroundSum += c >= firstForeground ? dice : 0;
        }
        return new ValidationScores(lossSum / batches, perOutput, foregroundSum / (channels - firstForeground));
    }

    /**
     * Scores one batch in a scope of its own, adding its counts per channel and its voxels per channel to
     * {@code voxels[0]}; returns its loss.
     */
    private double score(Block network, Batch batch, NDManager manager, double[] truePositives,
            double[] falsePositives, double[] falseNegatives, double[] voxels) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray images = scope.create(batch.images(), new Shape(batch.imageTensorShape()));
            NDArray targets = scope.create(batch.targets(), new Shape(batch.targetTensorShape()));
            NDArray logits = network.forward(new ParameterStore(scope, false), new NDList(images), false).get(0);
            double batchLoss = loss.evaluate(logits, targets).getFloat();
            NDArray predicted = predicted(logits);
            int[] spatial = {0, 2, 3, 4};
            float[] overlap = predicted.mul(targets).sum(spatial).toFloatArray();
            float[] predictedCount = predicted.sum(spatial).toFloatArray();
            float[] targetCount = targets.sum(spatial).toFloatArray();
            voxels[0] += (double) predicted.size() / predicted.getShape().get(1);
            for (int c = 0; c < overlap.length; c++) {
                truePositives[c] += overlap[c];
                falsePositives[c] += predictedCount[c] - overlap[c];
                falseNegatives[c] += targetCount[c] - overlap[c];
            }
            return batchLoss;
        }
    }

    /** The hard prediction as 0/1 per channel: logit above 0 (probability above 0.5), or the arg-max class. */
    private NDArray predicted(NDArray logits) {
        return switch (activation) {
            case SIGMOID -> logits.gt(0).toType(DataType.FLOAT32, false);
            case SOFTMAX -> logits.eq(logits.max(new int[] {1}, true)).toType(DataType.FLOAT32,
                    false);
            case NONE -> logits.gt(0.5f).toType(DataType.FLOAT32, false);
        };
    }
}
