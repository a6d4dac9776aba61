package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.loss.CrossEntropyLoss;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/** Patch validation: the configured loss and pseudo Dice on fixed patches, the same patches at every validation. */
@ExtendWith(NdManagerExtension.class)
class PatchValidatorTest {

    private static final int N = 8;

    private NDManager manager;

    @BeforeEach
    void open(NDManager testManager) {
        this.manager = testManager;
    }

    /** An 8^3 case whose first half along x is label 1; the patch is the whole case. */
    private static SamplingCase halfForeground() {
        float[] labels = new float[N * N * N];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = v % N < N / 2 ? 1 : 0;
        }
        Geometry grid = Geometry.of(new Extent(N, N, N), Affine.identity());
        return new SamplingCase("half", Volume.wrap(grid, 1, new float[N * N * N]), Volume.wrap(grid, 1, labels));
    }

    /** A network that outputs the logits {@code perChannel} at every voxel. */
    private static Block constant(float... perChannel) {
        return new LambdaBlock(inputs -> {
            Shape in = inputs.singletonOrThrow().getShape();
            NDManager scope = inputs.singletonOrThrow().getManager();
            int voxels = (int) (in.get(2) * in.get(3) * in.get(4));
            float[] values = new float[(int) in.get(0) * perChannel.length * voxels];
            for (int b = 0; b < in.get(0); b++) {
                for (int c = 0; c < perChannel.length; c++) {
                    int from = (b * perChannel.length + c) * voxels;
                    Arrays.fill(values, from, from + voxels, perChannel[c]);
                }
            }
            return new NDList(scope.create(values, new Shape(in.get(0), perChannel.length, in.get(2), in.get(3),
                    in.get(4))));
        });
    }

    private static PatchValidator validator(List<SamplingCase> cases, int[] patch, LabelEncoding encoding,
            SegmentationLoss loss, OutputActivation activation, List<String> outputs, long seed) {
        return new PatchValidator(() -> BatchLoader.builder().cases(cases).sampler(new PatchSampler(patch, 0.5))
                .encoding(encoding).batchSize(2).threads(1).seed(seed).build(), 3, activation, loss, outputs,
                encoding.firstForegroundChannel());
    }

    @Test
    void theValidationLossIsTheConfiguredLossNotAlwaysSoftDice() {
        PatchValidator validator = validator(List.of(halfForeground()), new int[] {N, N, N},
                LabelEncoding.of(new int[] {1}, true), new CrossEntropyLoss(OutputActivation.SIGMOID),
                OutputActivation.SIGMOID, List.of("fg"), 1);

        ValidationScores scores = validator.score(constant((float) Math.log(4)), manager); // sigmoid: p = 0.8

        double expected = -(0.5 * Math.log(0.8) + 0.5 * Math.log(0.2));
        assertEquals(expected, scores.loss(), 1e-5, "binary cross-entropy of p = 0.8 on half foreground");
        assertEquals(2.0 / 3, scores.meanDice(), 1e-6, "everything predicted foreground: Dice 2 * 0.5 / 1.5");
        assertEquals(1, scores.outputs().get(0).predictedFraction(), 1e-9, "every voxel predicted foreground");
    }

    @Test
    void theSoftDiceLossIsTheSoftDiceOfTheProbabilities() {
        PatchValidator validator = validator(List.of(halfForeground()), new int[] {N, N, N},
                LabelEncoding.of(new int[] {1}, true), DiceLoss.of(OutputActivation.SIGMOID),
                OutputActivation.SIGMOID, List.of("fg"), 1);

        ValidationScores scores = validator.score(constant((float) Math.log(4)), manager);

        assertEquals(1 - 2 * 0.8 * 0.5 / (0.8 + 0.5), scores.loss(), 1e-5);
    }

    @Test
    void theMeanDiceOfOneHotClassesLeavesOutTheBackground() {
        PatchValidator validator = validator(List.of(halfForeground()), new int[] {N, N, N},
                LabelEncoding.of(new int[] {1}, false), DiceLoss.of(OutputActivation.SOFTMAX),
                OutputActivation.SOFTMAX, List.of("background", "fg"), 1);

        ValidationScores scores = validator.score(constant(2f, -2f), manager);

        assertEquals(2.0 / 3, scores.outputs().get(0).dice(), 1e-6, "all background: Dice 2 * 0.5 / 1.5");
        assertEquals(0, scores.outputs().get(1).dice(), 1e-9);
        assertEquals(1, scores.outputs().get(0).predictedFraction(), 1e-9);
        assertEquals(0, scores.outputs().get(1).predictedFraction(), 1e-9, "a class predicted nowhere");
        assertEquals(0, scores.meanDice(), 1e-9, "the mean is over the foreground class only");
    }

    /** A 16^3 case of noise whose labels are a random ball, so that patches differ in place and content. */
    private static SamplingCase noisyCase(long seed) {
        int n = 16;
        Random random = new Random(seed);
        float[] image = new float[n * n * n];
        float[] labels = new float[n * n * n];
        int cx = 4 + random.nextInt(8);
        for (int v = 0; v < image.length; v++) {
            image[v] = (float) random.nextGaussian();
            int dx = v % n - cx;
            int dy = v / n % n - 8;
            int dz = v / (n * n) - 8;
            labels[v] = dx * dx + dy * dy + dz * dz < 12 ? 1 : 0;
        }
        Geometry grid = Geometry.of(new Extent(n, n, n), Affine.identity());
        return new SamplingCase("noise" + seed, Volume.wrap(grid, 1, image), Volume.wrap(grid, 1, labels));
    }

    /** The sums of every batch the validator shows a network, in order. */
    private List<Float> patchesSeenBy(PatchValidator validator) {
        List<Float> seen = new ArrayList<>();
        Block recorder = new LambdaBlock(inputs -> {
            NDArray images = inputs.singletonOrThrow();
            seen.add(images.abs().sum().getFloat());
            return new NDList(images.zerosLike());
        });
        validator.score(recorder, manager);
        return seen;
    }

    @Test
    void everyValidationAndEveryResumeSeesTheSamePatches() {
        List<SamplingCase> cases = List.of(noisyCase(1), noisyCase(2), noisyCase(3));
        LabelEncoding encoding = LabelEncoding.of(new int[] {1}, true);
        DiceLoss loss = DiceLoss.of(OutputActivation.SIGMOID);
        PatchValidator validator = validator(cases, new int[] {8, 8, 8}, encoding, loss, OutputActivation.SIGMOID,
                List.of("fg"), 11);

        List<Float> first = patchesSeenBy(validator);
        assertEquals(3, first.size(), "three batches per validation");
        assertEquals(first, patchesSeenBy(validator), "the next validation sees the same patches");
        PatchValidator resumed = validator(cases, new int[] {8, 8, 8}, encoding, loss, OutputActivation.SIGMOID,
                List.of("fg"), 11);
        assertEquals(first, patchesSeenBy(resumed), "a resumed run's validator sees the same patches");
        PatchValidator otherSeed = validator(cases, new int[] {8, 8, 8}, encoding, loss, OutputActivation.SIGMOID,
                List.of("fg"), 12);
        assertNotEquals(first, patchesSeenBy(otherSeed), "another seed draws other patches");
    }
}
