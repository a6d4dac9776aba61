package org.voxseg.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.voxseg.core.inference.NetworkPredictor;
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
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.SegmentationMetrics;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.Batch;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/**
 * The training loop: epochs of optimiser steps on batches from a {@link BatchLoader}, validation by sliding window
 * (soft-Dice loss, and Dice per output channel with BraTS's empty-mask convention, on the stitched
 * probabilities), early stopping, and after every epoch
 * {@code latest.ckpt} (plus {@code best.ckpt} when the validation Dice improves) and {@code training_log.csv} in the
 * run folder; {@code final.ckpt} at the end. A run folder with a {@code latest.ckpt} is resumed: batch n and the
 * engine's random state at step n depend only on the seed and n, so a resumed run equals an uninterrupted one.
 */
public final class Trainer {

    /** The checkpoint a run continues from. */
    public static final String LATEST = "latest.ckpt";
    public static final String BEST = "best.ckpt";
    public static final String FINAL = "final.ckpt";
    public static final String LOG = "training_log.csv";

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
        int[] patch = settings.patch();
        Shape inputShape = new Shape(settings.batchSize(), network.inChannels(), patch[2], patch[1], patch[0]);
        try (NDManager manager = parent.newSubManager()) {
            engine.setRandomSeed((int) settings.seed());
            UNet3d net = new UNet3d(network);
            net.initialize(manager, DataType.FLOAT32, inputShape);
            long totalSteps = schedule.perIteration() ? (long) settings.epochs() * settings.iterationsPerEpoch()
                    : settings.epochs();
            LearningRateSchedule rates = schedule.build(optimizer.learningRate(), totalSteps);
            try (Optimizer updates = optimizer.build(manager)) {
                State state = new State();
                Path latest = runFolder.resolve(LATEST);
                if (Files.exists(latest)) {
                    Checkpoint checkpoint = CheckpointFile.read(latest);
                    checkpoint.restoreInto(net, manager, updates, rates);
                    state.resume(checkpoint);
                }
                return run(net, updates, rates, state, training, validation, runFolder, manager, engine);
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
    }

    private Outcome run(UNet3d net, Optimizer updates, LearningRateSchedule rates, State state,
            List<SamplingCase> training, List<SamplingCase> validation, Path runFolder, NDManager manager,
            Engine engine) throws IOException {
        TrainingStep stepper = new TrainingStep(net, new DeepSupervisionLoss(loss, network.trainingOutputs()),
                updates, optimizer.clipGradNorm(), manager);
        PatienceRule patience = settings.earlyStopPatience() > 0
                ? new PatienceRule(settings.earlyStopPatience(), true) : null;
        boolean stopped = false;
        try (BatchLoader loader = BatchLoader.builder().cases(training)
                .sampler(new PatchSampler(settings.patch(), settings.foregroundFraction()))
                .augmentation(augmentation).encoding(encoding).batchSize(settings.batchSize())
                .seed(settings.seed()).firstBatch(state.step).build()) {
            while (state.epoch < settings.epochs() && !stopped) {
                long started = System.nanoTime();
                freeze(net, state.epoch < frozenEpochs);
                double rate = rates.learningRate();
                double lossSum = 0;
                for (int i = 0; i < settings.iterationsPerEpoch(); i++) {
                    lossSum += step(stepper, rates, loader.next(), state, manager, engine);
                }
                state.epoch++;
                state.record("train_loss", lossSum / settings.iterationsPerEpoch());
                state.record("lr", rate);
                boolean validate = state.epoch % settings.validateEvery() == 0 || state.epoch == settings.epochs();
                double dice = validate ? validate(net, validation, state, manager) : Double.NaN;
                if (!validate) {
                    state.record("val_loss", Double.NaN);
                    state.record("val_dice", Double.NaN);
                    for (String name : outputNames) {
                        state.record("dice_" + name, Double.NaN);
                    }
                }
                state.record("seconds", (System.nanoTime() - started) / 1e9);
                // A metric-driven schedule only counts epochs that have a metric (the validation Dice: use "max").
                boolean metricDriven = rates instanceof ReduceLrOnPlateau;
                if (!schedule.perIteration() && !(metricDriven && Double.isNaN(dice))) {
                    rates.step(dice);
                }
                boolean improved = !Double.isNaN(dice) && (Double.isNaN(state.bestDice) || dice > state.bestDice);
                if (improved) {
                    state.bestDice = dice;
                    state.bestEpoch = state.epoch;
                }
                Checkpoint checkpoint = Checkpoint.capture(net, updates, rates, state.epoch, state.step,
                        state.bestDice, state.bestEpoch, state.history);
                CheckpointFile.write(runFolder.resolve(LATEST), checkpoint);
                if (improved) {
                    CheckpointFile.write(runFolder.resolve(BEST), checkpoint);
                }
                TrainingLog.write(runFolder.resolve(LOG), state.history);
                List<Double> dices = state.history.get("val_dice");
                stopped = patience != null && patience.shouldStop(dices.stream().filter(d -> !Double.isNaN(d))
                        .toList());
            }
        }
        CheckpointFile.write(runFolder.resolve(FINAL), Checkpoint.capture(net, updates, rates, state.epoch,
                state.step, state.bestDice, state.bestEpoch, state.history));
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

    /** Sliding-window validation: soft-Dice loss and Dice per output channel; returns their mean Dice. */
    private double validate(UNet3d net, List<SamplingCase> validation, State state, NDManager manager) {
        SlidingWindowInferer inferer = SlidingWindowInferer.gaussian(settings.patch(), settings.overlap());
        int channels = encoding.channels();
        double[] dice = new double[channels];
        double lossSum = 0;
        for (SamplingCase source : validation) {
            Volume probabilities = inferer.infer(source.image(), new NetworkPredictor(net, activation), manager);
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
        double mean = 0;
        for (int c = 0; c < channels; c++) {
            dice[c] /= validation.size();
            state.record("dice_" + outputNames.get(c), dice[c]);
            mean += dice[c] / channels;
        }
        state.record("val_loss", lossSum / (validation.size() * channels));
        state.record("val_dice", mean);
        return mean;
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

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
