package org.voxseg.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.voxseg.core.inference.SlidingWindowInferer;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.ParameterNames;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.LearningRateSchedule;
import org.voxseg.core.schedule.ReduceLrOnPlateau;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.Batch;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;

/**
 * The training loop: epochs of optimiser steps on batches from a {@link BatchLoader}, validation by sliding window
 * ({@link Validation}), early stopping (3DUnetCNN's patience or nnU-Net's moving-average rule), and after every epoch
 * the checkpoints of a {@link CheckpointSeries}, {@code training_log.csv} and {@code progress.png} in the run folder.
 * A run folder with a {@code latest.ckpt} is resumed: batch n and the engine's random state at step n depend only on
 * the seed and n, so a resumed run equals an uninterrupted one.
 */
public final class Trainer {

    /** The training log's file name. */
    public static final String LOG = "training_log.csv";
    /** The progress plot's file name. */
    public static final String PLOT = "progress.png";

    private final NetworkConfig network;
    private final SegmentationLoss loss;
    private final OutputActivation activation;
    private final OptimizerConfig optimizer;
    private final ScheduleConfig schedule;
    private final LabelEncoding encoding;
    private final List<String> outputNames;
    private final AugmentationPipeline augmentation;
    private final TrainingSettings settings;
    private final Pattern frozen;
    private final int frozenEpochs;
    private final int checkpointEvery;
    private final int keepLast;
    private final int movingAveragePatience;
    private final Block initialWeights;
    private final int loaderThreads;
    private final TrainingListener listener;

    private Trainer(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network");
        this.loss = Objects.requireNonNull(b.loss, "loss");
        this.activation = Objects.requireNonNull(b.activation, "activation");
        this.optimizer = Objects.requireNonNull(b.optimizer, "optimizer");
        this.schedule = Objects.requireNonNull(b.schedule, "schedule");
        this.encoding = Objects.requireNonNull(b.encoding, "encoding");
        this.augmentation = b.augmentation;
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.frozen = b.frozen;
        this.frozenEpochs = b.frozenEpochs;
        this.checkpointEvery = b.checkpointEvery;
        this.keepLast = b.keepLast;
        this.movingAveragePatience = b.movingAveragePatience;
        this.initialWeights = b.initialWeights;
        this.loaderThreads = b.loaderThreads;
        this.listener = b.listener;
        this.outputNames = b.outputNames != null ? List.copyOf(b.outputNames)
                : IntStream.range(0, encoding.channels()).mapToObj(Integer::toString).toList();
        if (outputNames.size() != encoding.channels()) {
            throw new IllegalArgumentException(outputNames.size() + " output names for " + encoding.channels()
                    + " output channels");
        }
    }

    /** A builder: network, loss, optimizer, schedule, encoding and settings are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** What a run ended with. */
    public record Outcome(int epochs, double bestDice, int bestEpoch, Map<String, List<Double>> history,
            boolean stoppedEarly) {

        /** For example {@code trained 12 epoch(s); best mean validation Dice 0.9120 at epoch 11}. */
        public String summary() {
            return String.format(Locale.ROOT, "trained %d epoch(s)%s; best mean validation Dice %.4f at epoch %d",
                    epochs, stoppedEarly ? " (stopped early)" : "", bestDice, bestEpoch);
        }
    }

    /**
     * Trains in {@code runFolder}, resuming from its {@code latest.ckpt} if there is one.
     *
     * @throws IOException if a checkpoint or the log cannot be read or written
     */
    public Outcome train(List<SamplingCase> training, List<SamplingCase> validation, Path runFolder, NDManager parent)
            throws IOException {
        Files.createDirectories(runFolder);
        Engine engine = Engine.getEngine("PyTorch");
        int[] patch = settings.patch().toArray();
        Shape inputShape = new Shape(settings.batchSize(), network.inChannels(), patch[2], patch[1], patch[0]);
        CheckpointSeries checkpoints = new CheckpointSeries(runFolder, checkpointEvery, keepLast);
        try (NDManager manager = parent.newSubManager()) {
            engine.setRandomSeed((int) settings.seed());
            UNet3d net = new UNet3d(network);
            net.initialize(manager, DataType.FLOAT32, inputShape);
            long totalSteps = schedule.perIteration() ? (long) settings.epochs() * settings.iterationsPerEpoch()
                    : settings.epochs();
            LearningRateSchedule rates = schedule.build(optimizer.learningRate(), totalSteps);
            try (Optimizer updates = optimizer.build(manager)) {
                State state = new State();
                if (Files.exists(checkpoints.latest())) {
                    Checkpoint checkpoint = CheckpointFile.read(checkpoints.latest());
                    checkpoint.restoreInto(net, manager, updates, rates);
                    state.resume(checkpoint);
                    listener.note("resuming " + runFolder + " after epoch " + state.epoch);
                } else if (initialWeights != null) {
                    List<String> skipped = PretrainedWeights.copyMatching(initialWeights, net);
                    listener.note("pretrained weights loaded" + (skipped.isEmpty() ? " for every parameter"
                            : "; left initialised: " + String.join(", ", skipped)));
                }
                return run(net, updates, rates, state, training, validation, checkpoints, manager, engine);
            }
        }
    }

    /** The position and records of a run. */
    private static final class State {
        int epoch;
        long step;
        double bestDice = Double.NaN;
        int bestEpoch = -1;
        final Map<String, List<Double>> history = new LinkedHashMap<>();

        void resume(Checkpoint checkpoint) {
            epoch = checkpoint.epoch();
            step = checkpoint.step();
            bestDice = checkpoint.bestMetric();
            bestEpoch = checkpoint.bestEpoch();
            checkpoint.history().forEach((name, values) -> history.put(name, new ArrayList<>(values)));
        }

        void record(String name, double value) {
            history.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }

        /** The last epoch's value of every series. */
        Map<String, Double> lastRow() {
            Map<String, Double> row = new LinkedHashMap<>();
            history.forEach((name, values) -> row.put(name, values.get(values.size() - 1)));
            return row;
        }
    }

    private Outcome run(UNet3d net, Optimizer updates, LearningRateSchedule rates, State state,
            List<SamplingCase> training, List<SamplingCase> validation, CheckpointSeries checkpoints,
            NDManager manager, Engine engine) throws IOException {
        TrainingStep stepper = new TrainingStep(net, new DeepSupervisionLoss(loss, network.trainingOutputs()),
                updates, optimizer.clipGradNorm(), manager);
        Validation validator = new Validation(SlidingWindowInferer.gaussian(settings.patch(), settings.overlap()),
                activation, encoding);
        EarlyStopping stopping = new EarlyStopping(settings.earlyStopPatience(), movingAveragePatience, state.history);
        boolean stopped = false;
        try (BatchLoader loader = BatchLoader.builder().cases(training)
                .sampler(new PatchSampler(settings.patch().toArray(), settings.foregroundFraction()))
                .augmentation(augmentation).encoding(encoding).batchSize(settings.batchSize())
                .threads(loaderThreads).seed(settings.seed()).firstBatch(state.step).build()) {
            while (state.epoch < settings.epochs() && !stopped) {
                long started = System.nanoTime();
                freeze(net, state.epoch < frozenEpochs);
                listener.epochStarted(state.epoch + 1, settings.epochs(), settings.iterationsPerEpoch());
                double rate = rates.learningRate();
                double lossSum = 0;
                for (int i = 0; i < settings.iterationsPerEpoch(); i++) {
                    double value = step(stepper, rates, loader.next(), state, manager, engine);
                    lossSum += value;
                    listener.stepDone(i + 1, value);
                }
                state.epoch++;
                double trainLoss = lossSum / settings.iterationsPerEpoch();
                state.record("train_loss", trainLoss);
                state.record("lr", rate);
                boolean validate = state.epoch % settings.validateEvery() == 0 || state.epoch == settings.epochs();
                double dice = Double.NaN;
                if (validate) {
                    listener.validationStarted(validation.size());
                    Validation.Scores scores = validator.score(net, validation, manager);
                    dice = scores.meanDice();
                    state.record("val_loss", scores.loss());
                    state.record("val_dice", dice);
                    for (int c = 0; c < outputNames.size(); c++) {
                        state.record("dice_" + outputNames.get(c), scores.dice()[c]);
                    }
                } else {
                    state.record("val_loss", Double.NaN);
                    state.record("val_dice", Double.NaN);
                    outputNames.forEach(name -> state.record("dice_" + name, Double.NaN));
                }
                state.record("seconds", (System.nanoTime() - started) / 1e9);
                // A metric-driven schedule only counts epochs that have a metric (the validation Dice: use "max").
                boolean metricDriven = rates instanceof ReduceLrOnPlateau;
                if (!schedule.perIteration() && !(metricDriven && Double.isNaN(dice))) {
                    rates.step(dice);
                }
                EarlyStopping.Decision decision = stopping.after(state.epoch, trainLoss, dice, rate,
                        state.bestDice);
                if (decision.best()) {
                    state.bestDice = dice;
                    state.bestEpoch = state.epoch;
                }
                checkpoints.afterEpoch(Checkpoint.capture(net, updates, rates, state.epoch, state.step,
                        state.bestDice, state.bestEpoch, state.history), decision.best());
                TrainingLog.write(checkpoints.folder().resolve(LOG), state.history);
                ProgressPlot.write(checkpoints.folder().resolve(PLOT), state.history);
                listener.epochDone(state.epoch, state.lastRow(), decision.best());
                stopped = decision.stop();
                if (stopped) {
                    listener.note("early stop after epoch " + state.epoch + ": no improvement of the validation "
                            + "Dice (best " + state.bestDice + " at epoch " + state.bestEpoch + ")");
                }
            }
        }
        checkpoints.atEnd(Checkpoint.capture(net, updates, rates, state.epoch, state.step, state.bestDice,
                state.bestEpoch, state.history));
        return new Outcome(state.epoch, state.bestDice, state.bestEpoch, state.history, stopped);
    }

    /** Freezes (or unfreezes) the parameters whose readable names match the frozen pattern. */
    private void freeze(UNet3d net, boolean freeze) {
        if (frozen == null) {
            return;
        }
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (frozen.matcher(ParameterNames.readable(p.getKey())).matches()) {
                p.getValue().freeze(freeze);
            }
        }
    }

    /** One optimiser step; the engine's random state is a function of the seed and the step. */
    private double step(TrainingStep stepper, LearningRateSchedule rates, Batch batch, State state,
            NDManager manager, Engine engine) {
        engine.setRandomSeed((int) (settings.seed() * 1_000_003L + state.step));
        double value;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(batch.images(), new Shape(batch.imageTensorShape()));
            NDArray y = scope.create(batch.targets(), new Shape(batch.targetTensorShape()));
            value = stepper.run(x, y, rates.learningRate());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " at step " + state.step
                    + "; the last good checkpoint is kept", e);
        }
        if (schedule.perIteration()) {
            rates.step(Double.NaN);
        }
        state.step++;
        return value;
    }

    /** Collects a trainer's parts. */
    public static final class Builder {
        private NetworkConfig network;
        private SegmentationLoss loss;
        private OutputActivation activation = OutputActivation.SIGMOID;
        private OptimizerConfig optimizer;
        private ScheduleConfig schedule;
        private LabelEncoding encoding;
        private List<String> outputNames;
        private AugmentationPipeline augmentation = AugmentationPipeline.none();
        private TrainingSettings settings;
        private Pattern frozen;
        private int frozenEpochs;
        private int checkpointEvery;
        private int keepLast;
        private int movingAveragePatience;
        private Block initialWeights;
        private int loaderThreads = 1;
        private TrainingListener listener = TrainingListener.NONE;

        private Builder() {
        }

        public Builder network(NetworkConfig config) {
            this.network = config;
            return this;
        }

        /** The loss and the activation that turns outputs into probabilities for validation and inference. */
        public Builder loss(SegmentationLoss trainingLoss, OutputActivation outputActivation) {
            this.loss = trainingLoss;
            this.activation = outputActivation;
            return this;
        }

        public Builder optimizer(OptimizerConfig config) {
            this.optimizer = config;
            return this;
        }

        public Builder schedule(ScheduleConfig config) {
            this.schedule = config;
            return this;
        }

        /** How label maps become targets, and optionally the names of the output channels (e.g. WT, TC, ET). */
        public Builder encoding(LabelEncoding labelEncoding, List<String> names) {
            this.encoding = labelEncoding;
            this.outputNames = names;
            return this;
        }

        public Builder augmentation(AugmentationPipeline pipeline) {
            this.augmentation = pipeline;
            return this;
        }

        public Builder settings(TrainingSettings trainingSettings) {
            this.settings = trainingSettings;
            return this;
        }

        /** Freezes the parameters whose readable names match {@code pattern} (e.g. encoder.*) for the first epochs. */
        public Builder freeze(Pattern pattern, int epochs) {
            this.frozen = pattern;
            this.frozenEpochs = epochs;
            return this;
        }

        /** Also keeps {@code epoch_NNNN.ckpt} every {@code every} epochs, only the newest {@code keep} (0: all). */
        public Builder periodicCheckpoints(int every, int keep) {
            this.checkpointEvery = every;
            this.keepLast = keep;
            return this;
        }

        /** Stops by nnU-Net's moving-average rule with this patience (0: off); best.ckpt then follows its average. */
        public Builder movingAverageStop(int patience) {
            this.movingAveragePatience = patience;
            return this;
        }

        /** A trained network whose matching parameters a new run starts from (ignored when resuming). */
        public Builder initialWeights(Block pretrained) {
            this.initialWeights = pretrained;
            return this;
        }

        /** Threads preparing batches (default 1). */
        public Builder loaderThreads(int threads) {
            this.loaderThreads = threads;
            return this;
        }

        /** Who hears about progress. */
        public Builder listener(TrainingListener trainingListener) {
            this.listener = Objects.requireNonNull(trainingListener, "listener");
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
