package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.ParameterNames;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ConstantRate;
import org.voxseg.core.schedule.LearningRateSchedule;
import org.voxseg.core.schedule.ReduceLrOnPlateau;
import org.voxseg.core.schedule.SchedulePeriod;
import org.voxseg.core.schedule.WarmupCosine;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.Flip;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/** The training loop on a tiny problem: 2 channels, 24^3, a bright sphere to segment. */
@ExtendWith(NdManagerExtension.class)
@Tag("slow")
class TrainerTest {

    private static final int N = 24;
    private static final Extent PATCH = Extent.cube(16);
    private static final NetworkConfig NETWORK = NetworkConfig.basic(2, 1, 8, 16);
    private static final LabelEncoding ENCODING = LabelEncoding.of(new int[] {1}, true);
    private static final List<String> OUTPUTS = List.of("sphere");

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        this.manager = manager;
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
        Geometry grid = Geometry.of(new Extent(N, N, N), Affine.identity());
        return new SamplingCase("sphere" + seed, Volume.wrap(grid, 2, image), Volume.wrap(grid, 1, labels));
    }

    private static List<SamplingCase> cases(long first, int count) {
        List<SamplingCase> cases = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            cases.add(sphereCase(first + n));
        }
        return cases;
    }

    /** A run of the sphere problem in {@code folder}, resumed if it holds latest.ckpt, as voxseg wires one. */
    private final class Run {
        final Path folder;
        int epochs;
        int iterations;
        int validateEvery = 1;
        FrozenParameters frozen = FrozenParameters.NONE;
        CheckpointSeries checkpoints;
        LearningRateSchedule schedule = new ConstantRate(1e-2);
        Validator validator;
        StoppingRule rule;
        List<String> notes = new ArrayList<>();

        Run(Path folder, int epochs, int iterations) {
            this.folder = folder;
            this.epochs = epochs;
            this.iterations = iterations;
            this.checkpoints = new CheckpointSeries(folder, 0, 0);
        }

        TrainingOutcome train(List<SamplingCase> training, List<SamplingCase> validation) throws IOException {
            try (TrainingSetup setup = TrainingSetup.create(NETWORK, Precision.FP32, 2, PATCH,
                    DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-2), 7, manager)) {
                RunFolderRecorder recorder = new RunFolderRecorder(checkpoints, setup.step(), schedule);
                TrainingState start = recorder.resume(OUTPUTS, setup.manager()).orElse(TrainingState.start(OUTPUTS));
                return Trainer.builder().step(setup.step()).schedule(schedule, SchedulePeriod.EPOCH)
                        .batches(first -> BatchLoader.builder().cases(training)
                                .sampler(new PatchSampler(PATCH.toArray(), 0.5))
                                .augmentation(new AugmentationPipeline(List.of(new Flip(0, 0.5))))
                                .encoding(ENCODING).batchSize(2).seed(7).firstBatch(first).build())
                        .validator(validator != null ? validator : new PatchValidator(() -> BatchLoader.builder()
                                .cases(validation).sampler(new PatchSampler(PATCH.toArray(), 0.5)).encoding(ENCODING)
                                .batchSize(2).threads(1).seed(8).build(), 2, OutputActivation.SIGMOID,
                                DiceLoss.of(OutputActivation.SIGMOID), OUTPUTS, 0))
                        .length(epochs, iterations).validateEvery(validateEvery).seed(7).freeze(frozen)
                        .stopWhen(rule != null ? rule : history -> false).listener(recorder)
                        .listener(new TrainingListener() {
                            @Override
                            public void note(String message) {
                                notes.add(message);
                            }
                        }).build().train(start, manager);
            }
        }
    }

    @Test
    void trainingDrivesTheValidationDiceAboveEightTenths() throws IOException {
        TrainingOutcome outcome = new Run(dir.resolve("run"), 6, 8).train(cases(0, 4), cases(100, 1));

        assertTrue(outcome.bestDice() > 0.8, "best validation Dice " + outcome.bestDice() + ", history "
                + outcome.history());
        for (String file : new String[] {CheckpointSeries.LATEST, CheckpointSeries.BEST, CheckpointSeries.FINAL,
            RunFolderRecorder.LOG}) {
            assertTrue(Files.exists(dir.resolve("run").resolve(file)), file);
        }
        List<String> log = Files.readAllLines(dir.resolve("run").resolve(RunFolderRecorder.LOG));
        assertEquals(7, log.size(), "header + 6 epochs");
        assertEquals("epoch,train_loss,lr,val_loss,val_dice,val_dice_ema,dice_sphere,seconds,foreground_sphere",
                log.get(0));
    }

    @Test
    void frozenParametersStayUntilTheirEpochsAreOver() throws IOException {
        Path oneEpoch = dir.resolve("one");
        Path twoEpochs = dir.resolve("two");
        Run first = new Run(oneEpoch, 1, 2);
        first.frozen = new FrozenParameters("encoder.*", 1);
        first.train(cases(0, 2), cases(100, 1));
        Run second = new Run(twoEpochs, 2, 2);
        second.frozen = first.frozen;
        second.train(cases(0, 2), cases(100, 1));

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
        TorchRuntime.seed(7);
        UNet3d net = new UNet3d(NETWORK);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 16, 16, 16));
        Map<String, float[]> values = new HashMap<>();
        net.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    private Map<String, float[]> parameters(Path run) throws IOException {
        UNet3d net = new UNet3d(NETWORK);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 16, 16, 16));
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-2).build(manager)) {
            CheckpointFile.read(run.resolve(CheckpointSeries.FINAL))
                    .restoreInto(net, manager, adam, new ConstantRate(1e-2));
        }
        Map<String, float[]> values = new HashMap<>();
        net.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    @Test
    void aPlateauScheduleCountsOnlyValidatedEpochs() throws IOException {
        Run run = new Run(dir.resolve("plateau"), 3, 1);
        run.schedule = new ReduceLrOnPlateau(1e-2, ReduceLrOnPlateau.Mode.MAX, 0.5, 0, 1e-4, true, 0, 0);
        run.validateEvery = 2;
        TrainingOutcome outcome = run.train(cases(0, 2), cases(100, 1));

        // Epoch 1 is not validated: stepping the schedule with no metric would count a bad epoch and, with
        // patience 0, halve the rate for epoch 2.
        assertEquals(List.of(0.01, 0.01), outcome.history().toSeries().get("lr").subList(0, 2));
        assertTrue(Double.isNaN(outcome.history().toSeries().get("val_dice").get(0)));
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws IOException {
        TrainingOutcome straight = warmingUp(new Run(dir.resolve("straight"), 4, 3)).train(cases(0, 2),
                cases(100, 1));

        Path interrupted = dir.resolve("interrupted");
        warmingUp(new Run(interrupted, 2, 3)).train(cases(0, 2), cases(100, 1));
        TrainingOutcome resumed = warmingUp(new Run(interrupted, 4, 3)).train(cases(0, 2), cases(100, 1));

        assertEquals(straight.history().toSeries().get("train_loss"), resumed.history().toSeries().get("train_loss"));
        assertEquals(straight.history().toSeries().get("val_dice"), resumed.history().toSeries().get("val_dice"));
        assertEquals(4, resumed.epochs());
        assertEquals(straight.history().toSeries().get("lr"), resumed.history().toSeries().get("lr"),
                "the schedule's state is restored");
        assertArrayEquals(CheckpointFile.read(dir.resolve("straight").resolve(CheckpointSeries.FINAL)).parameters(),
                CheckpointFile.read(interrupted.resolve(CheckpointSeries.FINAL)).parameters(),
                "the optimiser's state is restored: the same final weights");
    }

    /** A schedule with state: one epoch of warm-up, then a cosine over the 4 epochs. */
    private static Run warmingUp(Run run) {
        run.schedule = new WarmupCosine(1e-2, 1, 4, 0, 0.5, 0);
        return run;
    }

    /** A validator that scores its n-th call (from 0) with the Dice {@code diceAtCall} gives. */
    private static final class ScriptedDice implements Validator {
        private final IntToDoubleFunction diceAtCall;
        private int calls;

        ScriptedDice(IntToDoubleFunction diceAtCall) {
            this.diceAtCall = diceAtCall;
        }

        @Override
        public int batches() {
            return 1;
        }

        @Override
        public ValidationScores score(Block network, NDManager scope) {
            double dice = diceAtCall.applyAsDouble(calls++);
            return new ValidationScores(1 - dice, List.of(new ValidationScores.OutputDice("sphere", dice, 0)), dice);
        }
    }

    /** Five epochs of one step with a falling Dice and a patience of 2, in {@code folder}. */
    private TrainingOutcome stopping(Path folder, List<String> notes) throws IOException {
        Run run = new Run(folder, 5, 1);
        run.validator = new ScriptedDice(call -> call == 0 ? 0.9 : 0.5); // falls: patience 2 stops after epoch 2
        run.rule = new PatienceRule(2, true);
        run.notes = notes;
        return run.train(cases(0, 2), List.of());
    }

    @Test
    void aKillWhileBestIsWrittenLeavesARunThatResumesToConsistentFiles() throws IOException {
        Path folder = dir.resolve("killed");
        ScriptedDice rising = new ScriptedDice(call -> 0.5 + 0.1 * call); // every epoch the best so far
        Run killed = new Run(folder, 2, 1);
        killed.validator = rising;
        killed.checkpoints = new CheckpointSeries(folder, 0, 0, (file, checkpoint) -> {
            if (checkpoint.epoch() == 2 && file.endsWith(CheckpointSeries.BEST)) {
                throw new IOException("killed while writing " + file);
            }
            CheckpointFile.write(file, checkpoint);
        });
        assertThrows(IOException.class, () -> killed.train(cases(0, 2), List.of()));

        Run rerun = new Run(folder, 2, 1);
        rerun.validator = rising;
        TrainingOutcome outcome = rerun.train(cases(0, 2), List.of());

        assertEquals(2, outcome.bestEpoch());
        assertEquals(2, CheckpointFile.read(folder.resolve(CheckpointSeries.BEST)).epoch(),
                "best.ckpt holds the epoch the log calls best");
        assertEquals(2, CheckpointFile.read(folder.resolve(CheckpointSeries.LATEST)).epoch());
        assertEquals(3, Files.readAllLines(folder.resolve(RunFolderRecorder.LOG)).size(), "header + 2 epochs");
    }

    @Test
    void aStoppingRuleEndsTheRunAndARerunStaysStopped() throws IOException {
        Path folder = dir.resolve("stopped");
        List<String> notes = new ArrayList<>();
        TrainingOutcome outcome = stopping(folder, notes);

        assertTrue(outcome.stoppedEarly());
        assertEquals(2, outcome.epochs(), "patience 2: the first validation without a better Dice stops");
        assertEquals(1, outcome.bestEpoch());
        assertTrue(notes.get(0).startsWith("early stop after epoch 2: no better validation Dice in 2 validations"),
                notes.toString());
        assertEquals(2, CheckpointFile.read(folder.resolve(CheckpointSeries.FINAL)).epoch());

        TrainingOutcome again = stopping(folder, notes);
        assertTrue(again.stoppedEarly());
        assertEquals(2, again.epochs(), "a run a rule stopped does not train on when it is run again");
    }


    @Test
    void anOutputWhoseDiceStaysZeroIsTold() throws IOException {
        Path folder = dir.resolve("dying");
        Run run = new Run(folder, 4, 1);
        run.validator = new ScriptedDice(call -> call == 0 ? 0.3 : 0);

        run.train(cases(0, 2), List.of());

        assertEquals(1, run.notes.size(), run.notes.toString());
        assertTrue(run.notes.get(0).startsWith("output sphere has died: pseudo Dice 0 in the last 3 validations "
                + "(epochs 2 to 4)"), run.notes.get(0));
    }

    @Test
    void periodicCheckpointsKeepTheNewestAndTheRunIsPlotted() throws IOException {
        Path run = dir.resolve("periodic");
        Run periodic = new Run(run, 4, 1);
        periodic.checkpoints = new CheckpointSeries(run, 1, 2);
        periodic.train(cases(0, 2), cases(100, 1));

        assertEquals(List.of(run.resolve("epoch_0003.ckpt"), run.resolve("epoch_0004.ckpt")),
                new CheckpointSeries(run, 1, 2).periodic());
        assertEquals(3, CheckpointFile.read(run.resolve("epoch_0003.ckpt")).epoch());
        byte[] png = Files.readAllBytes(run.resolve(RunFolderRecorder.PLOT));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void pretrainedWeightsSeedMatchingParametersAndNameTheRest() throws IOException {
        Path source = dir.resolve("source");
        new Run(source, 1, 2).train(cases(0, 2), cases(100, 1));
        UNet3d pretrained = new UNet3d(NETWORK);
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
