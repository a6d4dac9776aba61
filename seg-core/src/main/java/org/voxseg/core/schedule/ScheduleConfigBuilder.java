package org.voxseg.core.schedule;

import java.util.List;
import org.voxseg.core.config.variant.VariantBuilder;

/**
 * Builds the {@code scheduler} section for Java callers and the JSON reader alike: {@link #name} picks the schedule
 * (constant by default), the other setters are the section's keys with PyTorch's, MONAI's and nnU-Net's defaults,
 * and {@link #build()} refuses a key the chosen schedule does not have. E.g.
 * {@code ScheduleConfig.builder().name("reduce_on_plateau").mode(ReduceLrOnPlateau.Mode.MAX).patience(0).build()}.
 */
public final class ScheduleConfigBuilder extends VariantBuilder<ScheduleConfigBuilder> {

    private SchedulePeriod period = SchedulePeriod.EPOCH;
    private long warmupSteps;
    private double endLr;
    private double cycles = 0.5;
    private double warmupMultiplier;
    private ReduceLrOnPlateau.Mode mode = ReduceLrOnPlateau.Mode.MIN;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private ThresholdMode thresholdMode = ThresholdMode.REL;
    private int cooldown;
    private double minLr;
    private double exponent = 0.9;
    private long stepSize = 30;
    private double gamma = 0.1;
    private List<Long> milestones = List.of();
    private long firstPeriod = 10;
    private long periodMultiplier = 1;

    ScheduleConfigBuilder() {
        super("scheduler", ScheduleConfig.NAMES);
    }

    /** When the schedule is stepped (key {@code step}): every epoch (default) or every iteration. */
    public ScheduleConfigBuilder period(SchedulePeriod value) {
        keys.set("period");
        period = value;
        return this;
    }

    public ScheduleConfigBuilder warmupSteps(long value) {
        keys.set("warmupSteps");
        warmupSteps = value;
        return this;
    }

    public ScheduleConfigBuilder endLr(double value) {
        keys.set("endLr");
        endLr = value;
        return this;
    }

    public ScheduleConfigBuilder cycles(double value) {
        keys.set("cycles");
        cycles = value;
        return this;
    }

    public ScheduleConfigBuilder warmupMultiplier(double value) {
        keys.set("warmupMultiplier");
        warmupMultiplier = value;
        return this;
    }

    public ScheduleConfigBuilder mode(ReduceLrOnPlateau.Mode value) {
        keys.set("mode");
        mode = value;
        return this;
    }

    public ScheduleConfigBuilder factor(double value) {
        keys.set("factor");
        factor = value;
        return this;
    }

    public ScheduleConfigBuilder patience(int value) {
        keys.set("patience");
        patience = value;
        return this;
    }

    public ScheduleConfigBuilder threshold(double value) {
        keys.set("threshold");
        threshold = value;
        return this;
    }

    public ScheduleConfigBuilder thresholdMode(ThresholdMode value) {
        keys.set("thresholdMode");
        thresholdMode = value;
        return this;
    }

    public ScheduleConfigBuilder cooldown(int value) {
        keys.set("cooldown");
        cooldown = value;
        return this;
    }

    public ScheduleConfigBuilder minLr(double value) {
        keys.set("minLr");
        minLr = value;
        return this;
    }

    public ScheduleConfigBuilder exponent(double value) {
        keys.set("exponent");
        exponent = value;
        return this;
    }

    public ScheduleConfigBuilder stepSize(long value) {
        keys.set("stepSize");
        stepSize = value;
        return this;
    }

    public ScheduleConfigBuilder gamma(double value) {
        keys.set("gamma");
        gamma = value;
        return this;
    }

    public ScheduleConfigBuilder milestones(List<Long> value) {
        keys.set("milestones");
        milestones = value;
        return this;
    }

    public ScheduleConfigBuilder firstPeriod(long value) {
        keys.set("firstPeriod");
        firstPeriod = value;
        return this;
    }

    public ScheduleConfigBuilder periodMultiplier(long value) {
        keys.set("periodMultiplier");
        periodMultiplier = value;
        return this;
    }

    /**
     * The named schedule.
     *
     * @throws IllegalArgumentException if the name is unknown or a key set is not one of the schedule's
     */
    public ScheduleConfig build() {
        String name = keys.name();
        return keys.checked(switch (name) {
            case "constant" -> new ScheduleConfig.Constant(period);
            case "warmup_cosine" -> new ScheduleConfig.WarmupCosine(period, warmupSteps, endLr, cycles,
                    warmupMultiplier);
            case "reduce_on_plateau" -> new ScheduleConfig.ReduceOnPlateau(period, mode, factor, patience, threshold,
                    thresholdMode, cooldown, minLr);
            case "poly" -> new ScheduleConfig.Poly(period, exponent);
            case "step" -> new ScheduleConfig.Step(period, stepSize, gamma);
            case "multistep" -> new ScheduleConfig.MultiStep(period, milestones, gamma);
            case "exponential" -> new ScheduleConfig.Exponential(period, gamma);
            case "cosine_restarts" -> new ScheduleConfig.CosineRestarts(period, firstPeriod, periodMultiplier, minLr);
            default -> throw new IllegalStateException("no schedule " + name);
        });
    }
}
