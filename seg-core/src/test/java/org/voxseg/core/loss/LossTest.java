package org.voxseg.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.testing.NdManagerExtension;

/** Losses against values computed by hand from MONAI's and PyTorch's definitions (docs/reference.md#losses). */
@ExtendWith(NdManagerExtension.class)
class LossTest {

    private static final double S = 1e-5;
    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        this.manager = manager;
    }

    private NDArray tensor(long[] shape, float... values) {
        return manager.create(values, new Shape(shape));
    }

    private static float value(NDArray scalar) {
        return scalar.getFloat();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void diceOnProbabilities() {
        NDArray p = tensor(new long[] {1, 1, 4}, 0.9f, 0.1f, 0.8f, 0.2f);
        NDArray g = tensor(new long[] {1, 1, 4}, 1, 0, 1, 0);

        // I = 1.7, P = 2.0, G = 2
        assertEquals(1 - (3.4 + S) / (4 + S), value(DiceLoss.of(OutputActivation.NONE).evaluate(p, g)), 1e-6);
        // squared: P = 0.81 + 0.01 + 0.64 + 0.04 = 1.5
        DiceLoss squared = new DiceLoss(OutputActivation.NONE, true, true, S, S, false, false);
        assertEquals(1 - (3.4 + S) / (3.5 + S), value(squared.evaluate(p, g)), 1e-6);
        // Jaccard: 1 - (I + s) / (P + G - I + s)
        DiceLoss jaccard = new DiceLoss(OutputActivation.NONE, true, false, S, S, false, true);
        assertEquals(1 - (1.7 + S) / (2.3 + S), value(jaccard.evaluate(p, g)), 1e-6);
    }

    @Test
    void diceBatchSumsOverItemsBeforeDividing() {
        NDArray p = tensor(new long[] {2, 1, 2}, 1, 1, 0.5f, 0.5f);
        NDArray g = tensor(new long[] {2, 1, 2}, 1, 1, 0, 0);

        // per item: 0 and 1 - s / (1 + s); batch: I = 2, P = 3, G = 2
        assertEquals((1 - S / (1 + S)) / 2, value(DiceLoss.of(OutputActivation.NONE).evaluate(p, g)), 1e-6);
        DiceLoss batch = new DiceLoss(OutputActivation.NONE, true, false, S, S, true, false);
        assertEquals(1 - (4 + S) / (5 + S), value(batch.evaluate(p, g)), 1e-6);
    }

    @Test
    void diceActivationsAndBackground() {
        NDArray logits = tensor(new long[] {1, 2, 2}, 0, 0, 2, -2);
        NDArray g = tensor(new long[] {1, 2, 2}, 1, 0, 0, 1);

        // sigmoid: channel 0 p = [0.5, 0.5], channel 1 p = [s(2), s(-2)]
        double c0 = 1 - (2 * 0.5 + S) / (1 + 1 + S);
        double c1 = 1 - (2 * sigmoid(-2) + S) / (sigmoid(2) + sigmoid(-2) + 1 + S);
        assertEquals((c0 + c1) / 2, value(DiceLoss.of(OutputActivation.SIGMOID).evaluate(logits, g)), 1e-6);
        DiceLoss foreground = new DiceLoss(OutputActivation.SIGMOID, false, false, S, S, false, false);
        assertEquals(c1, value(foreground.evaluate(logits, g)), 1e-6);

        // softmax over 2 channels: voxel 0 logits (0, 2), voxel 1 (0, -2)
        double q0 = 1 / (1 + Math.exp(2));   // p(channel 0) at voxel 0
        double q1 = 1 / (1 + Math.exp(-2));  // p(channel 0) at voxel 1
        double s0 = 1 - (2 * q0 + S) / (q0 + q1 + 1 + S);
        double s1 = 1 - (2 * q0 + S) / ((1 - q0) + (1 - q1) + 1 + S);
        assertEquals((s0 + s1) / 2, value(DiceLoss.of(OutputActivation.SOFTMAX).evaluate(logits, g)), 1e-6);
    }

    @Test
    void tverskyWithEqualWeightsIsDiceAndWeighsErrorsOtherwise() {
        NDArray p = tensor(new long[] {1, 1, 4}, 0.9f, 0.1f, 0.8f, 0.2f);
        NDArray g = tensor(new long[] {1, 1, 4}, 1, 0, 1, 0);

        DiceLoss dice = new DiceLoss(OutputActivation.NONE, true, false, 0, 0, false, false);
        TverskyLoss half = new TverskyLoss(OutputActivation.NONE, true, 0.5, 0.5, 0, 0, false);
        assertEquals(value(dice.evaluate(p, g)), value(half.evaluate(p, g)), 1e-6);
        // TP = 1.7, FP = 0.3, FN = 0.3
        TverskyLoss skewed = new TverskyLoss(OutputActivation.NONE, true, 0.3, 0.7, S, S, false);
        assertEquals(1 - (1.7 + S) / (1.7 + 0.09 + 0.21 + S), value(skewed.evaluate(p, g)), 1e-6);
    }

    @Test
    void binaryCrossEntropyOnLogits() {
        NDArray x = tensor(new long[] {1, 1, 3}, 0, 2, -1);
        NDArray g = tensor(new long[] {1, 1, 3}, 1, 0, 0);

        double expected = -(Math.log(sigmoid(0)) + Math.log(1 - sigmoid(2)) + Math.log(1 - sigmoid(-1))) / 3;
        assertEquals(expected, value(new CrossEntropyLoss(OutputActivation.SIGMOID).evaluate(x, g)), 1e-6);
    }

    @Test
    void categoricalCrossEntropyOnLogits() {
        NDArray x = tensor(new long[] {1, 2, 2}, 1, 0, 0, 2);
        NDArray g = tensor(new long[] {1, 2, 2}, 1, 0, 0, 1);

        double expected = (-Math.log(Math.exp(1) / (Math.exp(1) + 1)) - Math.log(Math.exp(2) / (1 + Math.exp(2)))) / 2;
        assertEquals(expected, value(new CrossEntropyLoss(OutputActivation.SOFTMAX).evaluate(x, g)), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(OutputActivation.NONE));
    }

    @Test
    void focalLossFocusesOnHardVoxels() {
        NDArray x = tensor(new long[] {1, 1, 3}, 0, 2, -1);
        NDArray g = tensor(new long[] {1, 1, 3}, 1, 0, 0);

        assertEquals(value(new CrossEntropyLoss(OutputActivation.SIGMOID).evaluate(x, g)),
                value(new FocalLoss(OutputActivation.SIGMOID, 0, Double.NaN).evaluate(x, g)), 1e-6);
        double[] pt = {sigmoid(0), 1 - sigmoid(2), 1 - sigmoid(-1)};
        double[] alphaT = {0.25, 0.75, 0.75};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += -alphaT[i] * Math.pow(1 - pt[i], 2) * Math.log(pt[i]);
        }
        assertEquals(expected / 3, value(new FocalLoss(OutputActivation.SIGMOID, 2, 0.25).evaluate(x, g)), 1e-6);
    }

    @Test
    void weightedSumAddsTerms() {
        NDArray x = tensor(new long[] {1, 1, 3}, 0, 2, -1);
        NDArray g = tensor(new long[] {1, 1, 3}, 1, 0, 0);
        SegmentationLoss dice = DiceLoss.of(OutputActivation.SIGMOID);
        SegmentationLoss bce = new CrossEntropyLoss(OutputActivation.SIGMOID);

        WeightedSum diceBce = new WeightedSum(List.of(dice, bce), List.of(1.0, 0.5));

        assertEquals(value(dice.evaluate(x, g)) + 0.5 * value(bce.evaluate(x, g)), value(diceBce.evaluate(x, g)),
                1e-6);
    }

    @Test
    void deepSupervisionWeightsAndTargetsFollowNnunet() {
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0}, DeepSupervisionLoss.nnunetWeights(3), 1e-12);
        assertArrayEquals(new double[] {1}, DeepSupervisionLoss.nnunetWeights(1));

        float[] values = new float[64];
        for (int v = 0; v < 64; v++) {
            values[v] = v;
        }
        NDArray targets = tensor(new long[] {1, 1, 4, 4, 4}, values);
        NDArray half = DeepSupervisionLoss.downsample(targets, manager.zeros(new Shape(1, 1, 2, 2, 2)));
        assertArrayEquals(new float[] {0, 2, 8, 10, 32, 34, 40, 42}, half.toFloatArray());

        DeepSupervisionLoss loss = new DeepSupervisionLoss(DiceLoss.of(OutputActivation.NONE), 2);
        NDArray full = manager.zeros(new Shape(1, 1, 4, 4, 4));
        NDArray coarse = manager.ones(new Shape(1, 1, 2, 2, 2));
        assertEquals(value(DiceLoss.of(OutputActivation.NONE).evaluate(full, targets.gt(30).toType(
                DataType.FLOAT32, false))),
                value(loss.evaluate(new NDList(full, coarse), targets.gt(30).toType(
                        DataType.FLOAT32, false))), 1e-6, "the coarsest output weighs 0");
    }

    @Test
    void shapesMustAgree() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiceLoss.of(OutputActivation.NONE).evaluate(manager.zeros(new Shape(1, 2, 3)),
                        manager.zeros(new Shape(1, 3, 3))));
        assertEquals("outputs (1, 2, 3) and targets (1, 3, 3) differ in shape", error.getMessage());
    }
}
