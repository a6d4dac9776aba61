package org.voxseg.core.schedule;

import java.util.List;

/**
 * The config's {@code scheduler} section, e.g. {@code {"name": "warmup_cosine", "warmup_steps": 5, "step": "epoch"}}
 * or {@code {"name": "reduce_on_plateau", "factor": 0.5, "patience": 10}}: one record per schedule, each with
 * exactly its own keys, so a key of another schedule is refused when the config is read. Periods are counted in the
 * unit of {@code step}: epochs or iterations. Defaults are PyTorch's, MONAI's and nnU-Net's and live in each
 * record's builder.
 */
public sealed interface ScheduleConfig {

    /** The names {@code name} may take, in the order the variants are declared. */
    List<String> NAMES = List.of("constant", "warmup_cosine", "reduce_on_plateau", "poly", "step", "multistep",
            "exponential", "cosine_restarts");

    /** The schedule's config name, e.g. {@code warmup_cosine}. */
    String name();

    /** When the training loop steps the schedule (key {@code step}). */
    SchedulePeriod period();

    /** Whether the loop steps the schedule after every iteration rather than every epoch. */
    default boolean perIteration() {
        return period() == SchedulePeriod.ITERATION;
    }

    /**
     * The schedule this section describes.
     *
     * @param baseRate the optimizer's learning rate
     * @param totalSteps the run's length in the unit of {@code step} (epochs or iterations)
     */
    LearningRateSchedule build(double baseRate, long totalSteps);

    /** The section an empty or absent {@code scheduler} gives: a constant rate stepped per epoch. */
    static ScheduleConfig defaults() {
        return Constant.builder().build();
    }

    private static SchedulePeriod checked(SchedulePeriod period) {
        if (period == null) {
            throw new IllegalArgumentException("scheduler step must be \"epoch\" or \"iteration\"");
        }
        return period;
    }

    /** The base rate throughout. */
    record Constant(SchedulePeriod period) implements ScheduleConfig {

        public Constant {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new ConstantRate(baseRate);
        }

        /** Builds a {@link Constant}; the period defaults to epochs. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Constant build() {
                return new Constant(period);
            }
        }
    }

    /**
     * Linear warm-up then cosine decay (MONAI's {@code WarmupCosineSchedule}).
     *
     * @param warmupSteps the warm-up length
     * @param endLr the floor ({@code end_lr})
     * @param cycles the cosine's cycles
     * @param warmupMultiplier the starting fraction of the base rate
     */
    record WarmupCosine(SchedulePeriod period, long warmupSteps, double endLr, double cycles,
            double warmupMultiplier) implements ScheduleConfig {

        public WarmupCosine {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "warmup_cosine";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new org.voxseg.core.schedule.WarmupCosine(baseRate, warmupSteps, totalSteps, endLr, cycles,
                    warmupMultiplier);
        }

        /** Builds a {@link WarmupCosine}; defaults: no warm-up, floor 0, half a cycle, multiplier 0. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private long warmupSteps;
            private double endLr;
            private double cycles = 0.5;
            private double warmupMultiplier;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder warmupSteps(long value) {
                warmupSteps = value;
                return this;
            }

            public Builder endLr(double value) {
                endLr = value;
                return this;
            }

            public Builder cycles(double value) {
                cycles = value;
                return this;
            }

            public Builder warmupMultiplier(double value) {
                warmupMultiplier = value;
                return this;
            }

            public WarmupCosine build() {
                return new WarmupCosine(period, warmupSteps, endLr, cycles, warmupMultiplier);
            }
        }
    }

    /**
     * Lowers the rate when a validation metric stops improving (PyTorch's {@code ReduceLROnPlateau}).
     *
     * @param mode whether lower ({@code min}) or higher ({@code max}) metrics are better
     * @param factor the rate's multiplier on a plateau
     * @param patience steps without improvement before lowering
     * @param threshold the margin an improvement must exceed
     * @param thresholdMode whether the margin is relative or absolute
     * @param cooldown steps to wait after lowering
     * @param minLr the floor
     */
    record ReduceOnPlateau(SchedulePeriod period, ReduceLrOnPlateau.Mode mode, double factor, int patience,
            double threshold, ThresholdMode thresholdMode, int cooldown, double minLr) implements ScheduleConfig {

        public ReduceOnPlateau {
            checked(period);
            if (mode == null || thresholdMode == null) {
                throw new IllegalArgumentException("reduce_on_plateau needs a mode and a threshold_mode");
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "reduce_on_plateau";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new ReduceLrOnPlateau(baseRate, mode, factor, patience, threshold,
                    thresholdMode == ThresholdMode.REL, cooldown, minLr);
        }

        /** Builds a {@link ReduceOnPlateau} with PyTorch's defaults: min, factor 0.1, patience 10, 1e-4 rel. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private ReduceLrOnPlateau.Mode mode = ReduceLrOnPlateau.Mode.MIN;
            private double factor = 0.1;
            private int patience = 10;
            private double threshold = 1e-4;
            private ThresholdMode thresholdMode = ThresholdMode.REL;
            private int cooldown;
            private double minLr;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder mode(ReduceLrOnPlateau.Mode value) {
                mode = value;
                return this;
            }

            public Builder factor(double value) {
                factor = value;
                return this;
            }

            public Builder patience(int value) {
                patience = value;
                return this;
            }

            public Builder threshold(double value) {
                threshold = value;
                return this;
            }

            public Builder thresholdMode(ThresholdMode value) {
                thresholdMode = value;
                return this;
            }

            public Builder cooldown(int value) {
                cooldown = value;
                return this;
            }

            public Builder minLr(double value) {
                minLr = value;
                return this;
            }

            public ReduceOnPlateau build() {
                return new ReduceOnPlateau(period, mode, factor, patience, threshold, thresholdMode, cooldown,
                        minLr);
            }
        }
    }

    /** Polynomial decay to 0 over the run (nnU-Net's {@code PolyLRScheduler}); {@code exponent} defaults to 0.9. */
    record Poly(SchedulePeriod period, double exponent) implements ScheduleConfig {

        public Poly {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "poly";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new PolyDecay(baseRate, totalSteps, exponent);
        }

        /** Builds a {@link Poly}. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private double exponent = 0.9;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder exponent(double value) {
                exponent = value;
                return this;
            }

            public Poly build() {
                return new Poly(period, exponent);
            }
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) every {@code step_size} (30) steps (PyTorch's {@code StepLR}). */
    record Step(SchedulePeriod period, long stepSize, double gamma) implements ScheduleConfig {

        public Step {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "step";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.every(baseRate, stepSize, gamma);
        }

        /** Builds a {@link Step}. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private long stepSize = 30;
            private double gamma = 0.1;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder stepSize(long value) {
                stepSize = value;
                return this;
            }

            public Builder gamma(double value) {
                gamma = value;
                return this;
            }

            public Step build() {
                return new Step(period, stepSize, gamma);
            }
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) at each milestone (PyTorch's {@code MultiStepLR}). */
    record MultiStep(SchedulePeriod period, List<Long> milestones, double gamma) implements ScheduleConfig {

        public MultiStep {
            checked(period);
            milestones = List.copyOf(milestones);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "multistep";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.atMilestones(baseRate, milestones.stream().mapToLong(Long::longValue).toArray(), gamma);
        }

        /** Builds a {@link MultiStep}; no milestones by default. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private List<Long> milestones = List.of();
            private double gamma = 0.1;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder milestones(List<Long> value) {
                milestones = value;
                return this;
            }

            public Builder gamma(double value) {
                gamma = value;
                return this;
            }

            public MultiStep build() {
                return new MultiStep(period, milestones, gamma);
            }
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) every step (PyTorch's {@code ExponentialLR}). */
    record Exponential(SchedulePeriod period, double gamma) implements ScheduleConfig {

        public Exponential {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "exponential";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.exponential(baseRate, gamma);
        }

        /** Builds an {@link Exponential}. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private double gamma = 0.1;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder gamma(double value) {
                gamma = value;
                return this;
            }

            public Exponential build() {
                return new Exponential(period, gamma);
            }
        }
    }

    /**
     * Cosine annealing with warm restarts (PyTorch's {@code CosineAnnealingWarmRestarts}).
     *
     * @param firstPeriod the first cycle's length ({@code t_0}, default 10)
     * @param periodMultiplier each cycle's growth ({@code t_mult}, default 1)
     * @param minLr the floor ({@code eta_min})
     */
    record CosineRestarts(SchedulePeriod period, long firstPeriod, long periodMultiplier, double minLr)
            implements ScheduleConfig {

        public CosineRestarts {
            checked(period);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "cosine_restarts";
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new CosineWarmRestarts(baseRate, firstPeriod, periodMultiplier, minLr);
        }

        /** Builds a {@link CosineRestarts}. */
        public static final class Builder {
            private SchedulePeriod period = SchedulePeriod.EPOCH;
            private long firstPeriod = 10;
            private long periodMultiplier = 1;
            private double minLr;

            public Builder period(SchedulePeriod value) {
                period = value;
                return this;
            }

            public Builder firstPeriod(long value) {
                firstPeriod = value;
                return this;
            }

            public Builder periodMultiplier(long value) {
                periodMultiplier = value;
                return this;
            }

            public Builder minLr(double value) {
                minLr = value;
                return this;
            }

            public CosineRestarts build() {
                return new CosineRestarts(period, firstPeriod, periodMultiplier, minLr);
            }
        }
    }
}
