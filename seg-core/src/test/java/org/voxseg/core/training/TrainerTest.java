package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.ParameterNames;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ConstantRate;
import org.voxseg.core.schedule.ReduceLrOnPlateau;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.Flip;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/** The training loop on a tiny problem: 2 channels, 24^3, a bright sphere to segment. */
class TrainerTest {

    private static final int N = 24;

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = TorchRuntime.engine().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Two noisy channels with a sphere brighter in both; the label map marks the sphere. */
    private static SamplingCase sphereCase(long seed) {
        Random random = new Random(seed);
        int cx = 8 + random.nextInt(8);
        int cy = 8 + random.nextInt(8);
        int cz = 8 + random.nextInt(8);
        double radius = 4 + 2 * random.nextDouble();
        int voxels = N * N * N;
        float[] image = new float[2 * voxels];
        float[] labels = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            int x = v % N;
            int y = v / N % N;
            int z = v / (N * N);
            boolean inside = Math.pow(x - cx, 2) + Math.pow(y - cy, 2) + Math.pow(z - cz, 2) < radius * radius;
            labels[v] = inside ? 1 : 0;
            image[v] = (float) ((inside ? 1.0 : 0.0) + 0.3 * random.nextGaussian());
            image[voxels + v] = (float) ((inside ? 0.8 : 0.1) + 0.3 * random.nextGaussian());
        }
        Geometry grid = Geometry.of(new int[] {N, N, N}, Affine.identity());
        return new SamplingCase("sphere" + seed, Volume.wrap(grid, 2, image), Volume.wrap(grid, 1, labels));
    }

    private static List<SamplingCase> cases(long first, int count) {
        List<SamplingCase> cases = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            cases.add(sphereCase(first + n));
        }
        return cases;
    }

    private static Trainer.Builder trainer(int epochs, int iterations) {
        return Trainer.builder()
                .network(NetworkConfig.basic(2, 1, 8, 16))
                .loss(DiceLoss.of(OutputActivation.SIGMOID), OutputActivation.SIGMOID)
                .optimizer(OptimizerConfig.named("adam", 1e-2))
                .schedule(ScheduleConfig.defaults())
                .encoding(LabelEncoding.of(new int[] {1}, true), List.of("sphere"))
                .augmentation(new AugmentationPipeline(List.of(new Flip(0, 0.5))))
                .settings(new TrainingSettings(epochs, iterations, 2, new int[] {16, 16, 16}, 0.5, 7, 1, 0.5, 0));
    }

    @Test
    void trainingDrivesTheValidationDiceAboveEightTenths() throws IOException {
        Trainer.Outcome outcome = trainer(6, 8).build().train(cases(0, 4), cases(100, 1), dir.resolve("run"), manager);

        assertTrue(outcome.bestDice() > 0.8, "best validation Dice " + outcome.bestDice() + ", history "
                + outcome.history());
        for (String file : new String[] {CheckpointSeries.LATEST, CheckpointSeries.BEST, CheckpointSeries.FINAL, Trainer.LOG}) {
            assertTrue(Files.exists(dir.resolve("run").resolve(file)), file);
        }
        List<String> log = Files.readAllLines(dir.resolve("run").resolve(Trainer.LOG));
        assertEquals(7, log.size(), "header + 6 epochs");
        assertEquals("epoch,train_loss,lr,val_loss,val_dice,dice_sphere,seconds", log.get(0));
    }

    @Test
    void frozenParametersStayUntilTheirEpochsAreOver() throws IOException {
        Path oneEpoch = dir.resolve("one");
        Path twoEpochs = dir.resolve("two");
        trainer(1, 2).freeze(Pattern.compile("encoder.*"), 1).build().train(cases(0, 2), cases(100, 1), oneEpoch,
                manager);
        trainer(2, 2).freeze(Pattern.compile("encoder.*"), 1).build().train(cases(0, 2), cases(100, 1), twoEpochs,
                manager);

        Map<String, float[]> initial = initialParameters();
        Map<String, float[]> afterOne = parameters(oneEpoch);
        Map<String, float[]> afterTwo = parameters(twoEpochs);
        int encoder = 0;
        for (String name : initial.keySet()) {
            boolean inEncoder = ParameterNames.readable(name).startsWith("encoder");
            encoder += inEncoder ? 1 : 0;
            assertEquals(inEncoder, Arrays.equals(initial.get(name), afterOne.get(name)), name + " after epoch 1");
            assertFalse(Arrays.equals(initial.get(name), afterTwo.get(name)), name + " after epoch 2");
        }
        assertTrue(encoder > 0);
    }

    /** The network the trainer starts from: built the same way from the same seed. */
    private Map<String, float[]> initialParameters() {
        TorchRuntime.engine().setRandomSeed(7);
        UNet3d net = new UNet3d(NetworkConfig.basic(2, 1, 8, 16));
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 16, 16, 16));
        Map<String, float[]> values = new HashMap<>();
        net.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    private Map<String, float[]> parameters(Path run) throws IOException {
        UNet3d net = new UNet3d(NetworkConfig.basic(2, 1, 8, 16));
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 16, 16, 16));
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-2).build(manager)) {
            CheckpointFile.read(run.resolve(CheckpointSeries.FINAL)).restoreInto(net, manager, adam, new ConstantRate(1e-2));
        }
        Map<String, float[]> values = new HashMap<>();
        net.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    @Test
    void aPlateauScheduleCountsOnlyValidatedEpochs() throws IOException {
        Trainer.Outcome outcome = trainer(3, 1)
                .schedule(ScheduleConfig.ReduceOnPlateau.builder().mode(ReduceLrOnPlateau.Mode.MAX).factor(0.5)
                        .patience(0).build())
                .settings(new TrainingSettings(3, 1, 2, new int[] {16, 16, 16}, 0.5, 7, 2, 0.5, 0))
                .build().train(cases(0, 2), cases(100, 1), dir.resolve("plateau"), manager);

        // Epoch 1 is not validated: stepping the schedule with no metric would count a bad epoch and, with
        // patience 0, halve the rate for epoch 2.
        assertEquals(List.of(0.01, 0.01), outcome.history().get("lr").subList(0, 2));
        assertTrue(Double.isNaN(outcome.history().get("val_dice").get(0)));
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws IOException {
        Trainer.Outcome straight = trainer(4, 3).build().train(cases(0, 2), cases(100, 1), dir.resolve("straight"), manager);

        Path interrupted = dir.resolve("interrupted");
        trainer(2, 3).build().train(cases(0, 2), cases(100, 1), interrupted, manager);
        Trainer.Outcome resumed = trainer(4, 3).build().train(cases(0, 2), cases(100, 1), interrupted, manager);

        assertEquals(straight.history().get("train_loss"), resumed.history().get("train_loss"));
        assertEquals(straight.history().get("val_dice"), resumed.history().get("val_dice"));
        assertEquals(4, resumed.epochs());
    }

    @Test
    void periodicCheckpointsKeepTheNewestAndTheRunIsPlotted() throws IOException {
        Path run = dir.resolve("periodic");
        trainer(4, 1).periodicCheckpoints(1, 2).build().train(cases(0, 2), cases(100, 1), run, manager);

        assertEquals(List.of(run.resolve("epoch_0003.ckpt"), run.resolve("epoch_0004.ckpt")),
                new CheckpointSeries(run, 1, 2).periodic());
        assertEquals(3, CheckpointFile.read(run.resolve("epoch_0003.ckpt")).epoch());
        byte[] png = Files.readAllBytes(run.resolve(Trainer.PLOT));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void pretrainedWeightsSeedMatchingParametersAndNameTheRest() throws IOException {
        Path source = dir.resolve("source");
        trainer(1, 2).build().train(cases(0, 2), cases(100, 1), source, manager);
        UNet3d pretrained = new UNet3d(NetworkConfig.basic(2, 1, 8, 16));
        pretrained.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 16, 16, 16));
        CheckpointFile.read(source.resolve(CheckpointSeries.FINAL)).loadWeightsInto(pretrained, manager);
        UNet3d threeRegions = new UNet3d(NetworkConfig.basic(2, 3, 8, 16));
        threeRegions.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 16, 16, 16));

        List<String> skipped = PretrainedWeights.copyMatching(pretrained, threeRegions);

        assertEquals(List.of("output.weight", "output.bias"), skipped, "only the output convolution differs");
        for (var p : threeRegions.getParameters()) {
            String name = ParameterNames.readable(p.getKey());
            if (!skipped.contains(name)) {
                assertArrayEquals(pretrained.getParameters().get(p.getKey()).getArray().toFloatArray(),
                        p.getValue().getArray().toFloatArray(), name);
            }
        }
    }
}
