package org.voxseg.core.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The config's {@code scheduler} section, e.g. {@code {"name": "warmup_cosine", "warmup_steps": 5, "step": "epoch"}}
 * or {@code {"name": "reduce_on_plateau", "factor": 0.5, "patience": 10}}. Periods are counted in the unit of
 * {@code step}: epochs or iterations.
 *
 * @param name constant, warmup_cosine, reduce_on_plateau, poly, step, multistep, exponential or cosine_restarts
 * @param per "epoch" or "iteration": when the training loop steps the schedule
 * @param warmupSteps warmup_cosine's warm-up length
 * @param endLr warmup_cosine's floor ({@code end_lr})
 * @param cycles warmup_cosine's cycles
 * @param warmupMultiplier warmup_cosine's starting fraction
 * @param mode reduce_on_plateau's "min" or "max"
 * @param factor reduce_on_plateau's factor
 * @param patience reduce_on_plateau's patience
 * @param threshold reduce_on_plateau's threshold
 * @param thresholdMode reduce_on_plateau's "rel" or "abs"
 * @param cooldown reduce_on_plateau's cooldown
 * @param minLr reduce_on_plateau's floor, and cosine_restarts' eta_min
 * @param exponent poly's exponent
 * @param stepSize step's period
 * @param milestones multistep's milestones
 * @param gamma step, multistep and exponential's factor
 * @param firstPeriod cosine_restarts' T_0
 * @param periodMultiplier cosine_restarts' T_mult
 */
public record ScheduleConfig(String name, @JsonProperty("step") String per, long warmupSteps, double endLr,
        double cycles, double warmupMultiplier, String mode, double factor, int patience, double threshold,
        String thresholdMode, int cooldown, double minLr, double exponent, long stepSize, long[] milestones,
        double gamma, @JsonProperty("t_0") long firstPeriod, @JsonProperty("t_mult") long periodMultiplier) {

    /** The names {@link #build} knows. */
    public static final List<String> NAMES = List.of("constant", "warmup_cosine", "reduce_on_plateau", "poly", "step",
            "multistep", "exponential", "cosine_restarts");

    /** Reads a scheduler section; absent fields take PyTorch's, MONAI's and nnU-Net's defaults. */
    @JsonCreator
    public static ScheduleConfig of(@JsonProperty("name") String name, @JsonProperty("step") String per,
            @JsonProperty("warmup_steps") Long warmupSteps, @JsonProperty("end_lr") Double endLr,
            @JsonProperty("cycles") Double cycles, @JsonProperty("warmup_multiplier") Double warmupMultiplier,
            @JsonProperty("mode") String mode, @JsonProperty("factor") Double factor,
            @JsonProperty("patience") Integer patience, @JsonProperty("threshold") Double threshold,
            @JsonProperty("threshold_mode") String thresholdMode, @JsonProperty("cooldown") Integer cooldown,
            @JsonProperty("min_lr") Double minLr, @JsonProperty("exponent") Double exponent,
            @JsonProperty("step_size") Long stepSize, @JsonProperty("milestones") long[] milestones,
            @JsonProperty("gamma") Double gamma, @JsonProperty("t_0") Long firstPeriod,
            @JsonProperty("t_mult") Long periodMultiplier) {
        return new ScheduleConfig(name == null ? "constant" : name, per == null ? "epoch" : per,
                warmupSteps == null ? 0 : warmupSteps, endLr == null ? 0 : endLr, cycles == null ? 0.5 : cycles,
                warmupMultiplier == null ? 0 : warmupMultiplier, mode == null ? "min" : mode,
                factor == null ? 0.1 : factor, patience == null ? 10 : patience,
                threshold == null ? 1e-4 : threshold, thresholdMode == null ? "rel" : thresholdMode,
                cooldown == null ? 0 : cooldown, minLr == null ? 0 : minLr, exponent == null ? 0.9 : exponent,
                stepSize == null ? 30 : stepSize, milestones == null ? new long[0] : milestones,
                gamma == null ? 0.1 : gamma, firstPeriod == null ? 10 : firstPeriod,
                periodMultiplier == null ? 1 : periodMultiplier);
    }

    public ScheduleConfig {
        milestones = milestones.clone();
        if (!per.equals("epoch") && !per.equals("iteration")) {
            throw new IllegalArgumentException(
                    "scheduler step must be \"epoch\" or \"iteration\", not \"" + per + "\"");
        }
    }

    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    /** Whether the loop steps the schedule after every iteration rather than every epoch. */
    public boolean perIteration() {
        return per.equals("iteration");
    }

    /**
     * The schedule this section describes.
     *
     * @param baseRate the optimizer's learning rate
     * @param totalSteps the run's length in the unit of {@code step} (epochs or iterations)
     * @throws IllegalArgumentException for an unknown name or mode
     */
    public LearningRateSchedule build(double baseRate, long totalSteps) {
        return switch (name) {
            case "constant" -> new ConstantRate(baseRate);
            case "warmup_cosine" -> new WarmupCosine(baseRate, warmupSteps, totalSteps, endLr, cycles,
                    warmupMultiplier);
            case "reduce_on_plateau" -> new ReduceLrOnPlateau(baseRate, plateauMode(), factor, patience, threshold,
                    relativeThreshold(), cooldown, minLr);
            case "poly" -> new PolyDecay(baseRate, totalSteps, exponent);
            case "step" -> StepDecay.every(baseRate, stepSize, gamma);
            case "multistep" -> StepDecay.atMilestones(baseRate, milestones, gamma);
            case "exponential" -> StepDecay.exponential(baseRate, gamma);
            case "cosine_restarts" -> new CosineWarmRestarts(baseRate, firstPeriod, periodMultiplier, minLr);
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "'; known: " + NAMES);
        };
    }

    private ReduceLrOnPlateau.Mode plateauMode() {
        return switch (mode) {
            case "min" -> ReduceLrOnPlateau.Mode.MIN;
            case "max" -> ReduceLrOnPlateau.Mode.MAX;
            default -> throw new IllegalArgumentException("reduce_on_plateau mode must be min or max, not " + mode);
        };
    }

    private boolean relativeThreshold() {
        return switch (thresholdMode) {
            case "rel" -> true;
            case "abs" -> false;
            default -> throw new IllegalArgumentException("threshold_mode must be rel or abs, not " + thresholdMode);
        };
    }
}
