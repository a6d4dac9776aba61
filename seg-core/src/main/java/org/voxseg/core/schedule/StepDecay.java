package org.voxseg.core.schedule;

import java.util.Arrays;

/**
 * PyTorch's StepLR, MultiStepLR and ExponentialLR in one: the rate is multiplied by {@code gamma} at each
 * milestone passed ({@code base * gamma ^ passed}). StepLR's milestones are every {@code stepSize} steps,
 * ExponentialLR's every step.
 */
public final class StepDecay extends StepCountedSchedule {

    private final long[] milestones;
    private final long stepSize;
    private final double gamma;

    private StepDecay(double baseRate, long[] milestones, long stepSize, double gamma) {
        super(baseRate);
        this.milestones = milestones;
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    /** StepLR: multiply by {@code gamma} every {@code stepSize} steps. */
    public static StepDecay every(double baseRate, long stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step size must be positive: " + stepSize);
        }
        return new StepDecay(baseRate, null, stepSize, gamma);
    }

    /** MultiStepLR: multiply by {@code gamma} at each milestone (sorted; repeats count twice, as in PyTorch). */
    public static StepDecay atMilestones(double baseRate, long[] milestones, double gamma) {
        long[] sorted = milestones.clone();
        Arrays.sort(sorted);
        return new StepDecay(baseRate, sorted, 0, gamma);
    }

    /** ExponentialLR: multiply by {@code gamma} every step. */
    public static StepDecay exponential(double baseRate, double gamma) {
        return every(baseRate, 1, gamma);
    }

    @Override
    double rateAt(long step) {
        long passed;
        if (milestones == null) {
            passed = step / stepSize;
        } else {
            passed = Arrays.stream(milestones).filter(m -> m <= step).count();
        }
        return baseRate * Math.pow(gamma, passed);
    }
}
