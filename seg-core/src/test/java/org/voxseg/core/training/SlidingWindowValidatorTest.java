package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.inference.Predictor;
import org.voxseg.core.inference.SlidingWindowInferer;
import org.voxseg.core.loss.CrossEntropyLoss;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/** Validation scores on an 8^3 case whose first half (along x) is label 1, against predictors of fixed output. */
@ExtendWith(NdManagerExtension.class)
class SlidingWindowValidatorTest {

    private static final int N = 8;
    private static final int[] ROI = {8, 8, 8};

    private NDManager manager;

    @BeforeEach
    void open(NDManager testManager) {
        this.manager = testManager;
    }

    private static SamplingCase halfForeground() {
        float[] labels = new float[N * N * N];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = v % N < N / 2 ? 1 : 0;
        }
        Geometry grid = Geometry.of(new int[] {N, N, N}, Affine.identity());
        return new SamplingCase("half", Volume.wrap(grid, 1, new float[N * N * N]), Volume.wrap(grid, 1, labels));
    }

    /** A predictor that gives every voxel the probabilities {@code perChannel}. */
    private static Predictor constant(float... perChannel) {
        return windows -> {
            Shape shape = windows.getShape();
            NDManager scope = windows.getManager();
            float[] values = new float[perChannel.length * N * N * N];
            for (int c = 0; c < perChannel.length; c++) {
                Arrays.fill(values, c * N * N * N, (c + 1) * N * N * N, perChannel[c]);
            }
            return scope.create(values, new Shape(shape.get(0), perChannel.length, N, N, N));
        };
    }

    @Test
    void theValidationLossIsTheConfiguredLossNotAlwaysSoftDice() {
        SlidingWindowValidator validator = new SlidingWindowValidator(List.of(halfForeground()),
                SlidingWindowInferer.gaussian(ROI, 0.5), OutputActivation.SIGMOID,
                LabelEncoding.of(new int[] {1}, true), new CrossEntropyLoss(OutputActivation.SIGMOID), List.of("fg"));

        ValidationScores scores = validator.score(constant(0.8f), manager);

        // Binary cross-entropy of p = 0.8 over half foreground, half background voxels.
        double expected = -(0.5 * Math.log(0.8) + 0.5 * Math.log(0.2));
        assertEquals(expected, scores.loss(), 1e-5);
        assertEquals(2.0 / 3, scores.meanDice(), 1e-6, "everything predicted foreground: Dice 2 * 0.5 / 1.5");
    }

    @Test
    void theSoftDiceLossStaysTheSoftDiceOfTheProbabilities() {
        SlidingWindowValidator validator = new SlidingWindowValidator(List.of(halfForeground()),
                SlidingWindowInferer.gaussian(ROI, 0.5), OutputActivation.SIGMOID,
                LabelEncoding.of(new int[] {1}, true), DiceLoss.of(OutputActivation.SIGMOID), List.of("fg"));

        ValidationScores scores = validator.score(constant(0.8f), manager);

        // 1 - 2 sum(p g) / (sum p + sum g) with p = 0.8 everywhere, g on half the voxels.
        assertEquals(1 - 2 * 0.8 * 0.5 / (0.8 + 0.5), scores.loss(), 1e-5);
    }

    @Test
    void theBestModelDiceOfOneHotClassesLeavesOutTheBackground() {
        SlidingWindowValidator validator = new SlidingWindowValidator(List.of(halfForeground()),
                SlidingWindowInferer.gaussian(ROI, 0.5), OutputActivation.SOFTMAX,
                LabelEncoding.of(new int[] {1}, false), DiceLoss.of(OutputActivation.SOFTMAX),
                List.of("background", "fg"));

        ValidationScores scores = validator.score(constant(0.9f, 0.1f), manager);

        assertEquals(2.0 / 3, scores.outputs().get(0).dice(), 1e-6, "all background: Dice 2 * 0.5 / 1.5");
        assertEquals(0, scores.outputs().get(1).dice(), 1e-9);
        assertEquals(0, scores.meanDice(), 1e-9, "the mean is over the foreground class only");
    }
}
