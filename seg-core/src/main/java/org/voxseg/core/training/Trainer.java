package org.voxseg.core.training;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.schedule.LearningRateSchedule;
import org.voxseg.core.schedule.SchedulePeriod;
import org.voxseg.data.sampling.BatchLoader;

/**
 * The training loop and nothing else: epochs of {@link TrainingStep}s on batches, the learning-rate schedule,
 * validation every few epochs, the best-model and stopping rules, and typed records of it all for its listeners
 * (which keep the run folder, print progress, or show it in Fiji). It trains whatever network its step holds. Batch
 * {@code n} and the engine's random state at step {@code n} depend only on the seed and {@code n}, so a run resumed
 * from a {@link TrainingState} equals an uninterrupted one.
 */
public final class Trainer {

    private final TrainingStep step;
    private final LearningRateSchedule schedule;
    private final SchedulePeriod period;
    private final LongFunction<BatchLoader> batches;
    private final Validator validator;
    private final int epochs;
    private final int iterationsPerEpoch;
    private final int validateEvery;
    private final long seed;
    private final FrozenParameters frozen;
    private final List<StoppingRule> stoppingRules;
    private final BestModelRule bestModel;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.step = Objects.requireNonNull(b.step, "step");
        this.schedule = Objects.requireNonNull(b.schedule, "schedule");
        this.period = Objects.requireNonNull(b.period, "period");
        this.batches = Objects.requireNonNull(b.batches, "batches");
        this.validator = Objects.requireNonNull(b.validator, "validator");
        if (b.epochs < 1 || b.iterationsPerEpoch < 1 || b.validateEvery < 1) {
            throw new IllegalArgumentException("epochs, iterations per epoch and the validation interval must be "
                    + "positive");
        }
        this.epochs = b.epochs;
        this.iterationsPerEpoch = b.iterationsPerEpoch;
        this.validateEvery = b.validateEvery;
        this.seed = b.seed;
        this.frozen = b.frozen;
        this.stoppingRules = List.copyOf(b.stoppingRules);
        this.bestModel = b.bestModel;
        this.listeners = List.copyOf(b.listeners);
    }

    /** A builder: the step, schedule, batches, validator and length are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains from {@code start} (a new run's {@link TrainingState#start} or a resumed one) to the last epoch or until
     * a stopping rule says so.
     *
     * @param manager the scope of validation's arrays
     * @throws IOException if a listener cannot write what it keeps
     * @throws TrainingDivergedException if the loss stops being finite
     */
    public TrainingOutcome train(TrainingState start, NDManager manager) throws IOException {
        TrainingState state = start;
        for (TrainingListener listener : listeners) {
            listener.trainingStarted(state, epochs);
        }
        // A resumed run that a rule had already stopped stays stopped.
        boolean stopped = state.epoch() > 0 && stopRule(state).isPresent();
        try (BatchLoader loader = batches.apply(state.step())) {
            while (state.epoch() < epochs && !stopped) {
                state = epoch(state, loader, manager);
                for (TrainingListener listener : listeners) {
                    listener.epochEnded(state);
                }
                DyingOutputs.warnings(state.history()).forEach(this::note);
                Optional<StoppingRule> rule = stopRule(state);
                stopped = rule.isPresent();
                if (stopped) {
                    note("early stop after epoch " + state.epoch() + ": " + rule.get().reason() + " (best mean "
                            + "validation Dice " + state.bestDice() + " at epoch " + state.bestEpoch() + ")");
                }
            }
        }
        TrainingOutcome outcome = new TrainingOutcome(state, stopped);
        for (TrainingListener listener : listeners) {
            listener.trainingEnded(outcome);
        }
        return outcome;
    }

    /** The first rule that says to stop after the newest epoch of {@code state}, if any. */
    private Optional<StoppingRule> stopRule(TrainingState state) {
        return stoppingRules.stream().filter(rule -> rule.shouldStop(state.history())).findFirst();
    }

    /** Trains and validates the epoch after {@code state}. */
    private TrainingState epoch(TrainingState state, BatchLoader loader, NDManager manager) {
        long started = System.nanoTime();
        int epoch = state.epoch() + 1;
        frozen.apply(step.network(), epoch);
        listeners.forEach(listener -> listener.epochStarted(epoch, epochs, iterationsPerEpoch));
        double epochRate = schedule.learningRate();
        long skippedBefore = step.skippedSteps();
        long steps = state.step();
        double lossSum = 0;
        for (int i = 1; i <= iterationsPerEpoch; i++) {
            double rate = schedule.learningRate();
            TorchRuntime.seedStep(seed, steps);
            double loss;
            try {
                loss = step.run(loader.next(), rate);
            } catch (TrainingDivergedException e) {
                throw e.atStep(steps);
            }
            if (period == SchedulePeriod.ITERATION) {
                schedule.step(Double.NaN);
            }
            steps++;
            lossSum += loss;
            TrainingListener.StepResult result = new TrainingListener.StepResult(epoch, i, iterationsPerEpoch, loss,
                    rate);
            listeners.forEach(listener -> listener.stepEnded(result));
        }
        Optional<ValidationScores> scores = Optional.empty();
        if (epoch % validateEvery == 0 || epoch == epochs) {
            listeners.forEach(listener -> listener.validationStarted(epoch, validator.batches()));
            scores = Optional.of(validator.score(step.network(), manager));
        }
        long skipped = step.skippedSteps() - skippedBefore;
        if (skipped > 0) {
            note("epoch " + epoch + ": " + skipped + " step(s) skipped for infinite or NaN gradients, loss scale now "
                    + step.lossScaler().orElseThrow().scale());
        }
        EpochResult result = new EpochResult(epoch, lossSum / iterationsPerEpoch, epochRate, scores,
                (System.nanoTime() - started) / 1e9);
        if (period == SchedulePeriod.EPOCH && (scores.isPresent() || !schedule.needsMetric())) {
            schedule.step(result.meanDice());
        }
        TrainingHistory history = state.history().plus(result);
        return new TrainingState(epoch, steps, history, bestModel.bestEpoch(history));
    }

    private void note(String message) {
        listeners.forEach(listener -> listener.note(message));
    }

    /** Collects a trainer's parts. */
    public static final class Builder {
        private TrainingStep step;
        private LearningRateSchedule schedule;
        private SchedulePeriod period = SchedulePeriod.EPOCH;
        private LongFunction<BatchLoader> batches;
        private Validator validator;
        private int epochs;
        private int iterationsPerEpoch;
        private int validateEvery = 1;
        private long seed;
        private FrozenParameters frozen = FrozenParameters.NONE;
        private final List<StoppingRule> stoppingRules = new ArrayList<>();
        private BestModelRule bestModel = BestModelRule.MOVING_AVERAGE_DICE;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The optimiser step, which holds the network, the loss and the optimiser. */
        public Builder step(TrainingStep trainingStep) {
            this.step = trainingStep;
            return this;
        }

        /** The learning-rate schedule, stepped after every epoch or every optimiser step. */
        public Builder schedule(LearningRateSchedule rates, SchedulePeriod stepped) {
            this.schedule = rates;
            this.period = stepped;
            return this;
        }

        /**
         * The batches: a loader that starts at the given batch index, so that a resumed run continues with the batch
         * an uninterrupted one would have trained on (e.g. {@code first -> builder.firstBatch(first).build()}).
         */
        public Builder batches(LongFunction<BatchLoader> loaderFrom) {
            this.batches = loaderFrom;
            return this;
        }

        /** What scores the network after validated epochs. */
        public Builder validator(Validator validation) {
            this.validator = validation;
            return this;
        }

        /** Runs {@code epochCount} epochs of {@code iterations} optimiser steps. */
        public Builder length(int epochCount, int iterations) {
            this.epochs = epochCount;
            this.iterationsPerEpoch = iterations;
            return this;
        }

        /** Validates after every {@code interval} epochs and after the last (default: every epoch). */
        public Builder validateEvery(int interval) {
            this.validateEvery = interval;
            return this;
        }

        /** The seed the engine's random state at every step derives from. */
        public Builder seed(long runSeed) {
            this.seed = runSeed;
            return this;
        }

        /** Parameters to keep frozen for the first epochs (default: none). */
        public Builder freeze(FrozenParameters parameters) {
            this.frozen = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /** Adds a rule that can end the run early; any rule saying stop stops it. */
        public Builder stopWhen(StoppingRule rule) {
            this.stoppingRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** How the best model is chosen (default {@link BestModelRule#MOVING_AVERAGE_DICE}). */
        public Builder bestModel(BestModelRule rule) {
            this.bestModel = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** Adds a listener; listeners hear every event in the order they were added. */
        public Builder listener(TrainingListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
