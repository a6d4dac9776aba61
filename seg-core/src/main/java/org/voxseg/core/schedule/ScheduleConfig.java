package org.voxseg.core.schedule;

import static org.voxseg.core.schedule.SchedulePeriod.EPOCH;

import java.util.List;
import java.util.Map;
import org.voxseg.core.config.variant.Variants;

/**
 * The config's {@code scheduler} section, e.g. {@code {"name": "warmup_cosine", "warmup_steps": 5, "step": "epoch"}}
 * or {@code {"name": "reduce_on_plateau", "factor": 0.5, "patience": 10}}: one record per schedule, each with
 * exactly its own keys, named with its defaults in {@link #VARIANTS}; the config reader refuses a key of another
 * schedule. Periods are counted in the unit of {@code step}: epochs or iterations.
 */
public sealed interface ScheduleConfig {

    /**
     * Each name {@code name} may take with the schedule it reads as before its other keys (PyTorch's, MONAI's and
     * nnU-Net's defaults), in the order the variants are declared; the first is the default.
     */
    Map<String, ScheduleConfig> VARIANTS = Variants.of(
            Map.entry("constant", new Constant(EPOCH)),
            Map.entry("warmup_cosine", new WarmupCosine(EPOCH, 0, 0, 0.5, 0)),
            Map.entry("reduce_on_plateau", new ReduceOnPlateau(EPOCH, ReduceLrOnPlateau.Mode.MIN, 0.1, 10, 1e-4,
                    ThresholdMode.REL, 0, 0)),
            Map.entry("poly", new Poly(EPOCH, 0.9)),
            Map.entry("step", new Step(EPOCH, 30, 0.1)),
            Map.entry("multistep", new MultiStep(EPOCH, List.of(), 0.1)),
            Map.entry("exponential", new Exponential(EPOCH, 0.1)),
            Map.entry("cosine_restarts", new CosineRestarts(EPOCH, 10, 1, 0)));

    /** The names {@code name} may take, in the order the variants are declared; the first is the default. */
    List<String> NAMES = List.copyOf(VARIANTS.keySet());

    /** The schedule's config name, e.g. {@code warmup_cosine}. */
    default String name() {
        return Variants.nameOf(VARIANTS, getClass());
    }

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
        return VARIANTS.get(NAMES.get(0));
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

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new ConstantRate(baseRate);
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
            if (warmupSteps < 0 || !(endLr >= 0) || !(cycles > 0) || !(warmupMultiplier >= 0)) {
                throw new IllegalArgumentException("warmup_cosine needs warmup_steps, end_lr and warmup_multiplier "
                        + "not negative and cycles positive, not " + warmupSteps + ", " + endLr + ", "
                        + warmupMultiplier + " and " + cycles);
            }
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new org.voxseg.core.schedule.WarmupCosine(baseRate, warmupSteps, totalSteps, endLr, cycles,
                    warmupMultiplier);
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
            if (patience < 0 || cooldown < 0 || !(factor > 0 && factor < 1) || !(threshold >= 0) || !(minLr >= 0)) {
                throw new IllegalArgumentException("reduce_on_plateau needs patience, cooldown, threshold and min_lr "
                        + "not negative and factor in (0, 1), not " + patience + ", " + cooldown + ", " + threshold
                        + ", " + minLr + " and " + factor);
            }
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new ReduceLrOnPlateau(baseRate, mode, factor, patience, threshold,
                    thresholdMode == ThresholdMode.REL, cooldown, minLr);
        }
    }

    /** Polynomial decay to 0 over the run (nnU-Net's {@code PolyLRScheduler}); {@code exponent} defaults to 0.9. */
    record Poly(SchedulePeriod period, double exponent) implements ScheduleConfig {

        public Poly {
            checked(period);
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new PolyDecay(baseRate, totalSteps, exponent);
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) every {@code step_size} (30) steps (PyTorch's {@code StepLR}). */
    record Step(SchedulePeriod period, long stepSize, double gamma) implements ScheduleConfig {

        public Step {
            checked(period);
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.every(baseRate, stepSize, gamma);
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) at each milestone (PyTorch's {@code MultiStepLR}). */
    record MultiStep(SchedulePeriod period, List<Long> milestones, double gamma) implements ScheduleConfig {

        public MultiStep {
            checked(period);
            milestones = List.copyOf(milestones);
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.atMilestones(baseRate, milestones.stream().mapToLong(Long::longValue).toArray(), gamma);
        }
    }

    /** Multiplies the rate by {@code gamma} (0.1) every step (PyTorch's {@code ExponentialLR}). */
    record Exponential(SchedulePeriod period, double gamma) implements ScheduleConfig {

        public Exponential {
            checked(period);
        }

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return StepDecay.exponential(baseRate, gamma);
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

        @Override
        public LearningRateSchedule build(double baseRate, long totalSteps) {
            return new CosineWarmRestarts(baseRate, firstPeriod, periodMultiplier, minLr);
        }
    }
}
