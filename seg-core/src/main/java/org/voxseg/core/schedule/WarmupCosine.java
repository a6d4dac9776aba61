package org.voxseg.core.schedule;

/**
 * MONAI's WarmupCosineSchedule: a linear warm-up from {@code warmupMultiplier * base} to {@code base} over
 * {@code warmupSteps}, then a cosine decay over the remaining steps to {@code totalSteps}, never below
 * {@code endRate} after the warm-up.
 */
public final class WarmupCosine extends StepCountedSchedule {

    private final long warmupSteps;
    private final long totalSteps;
    private final double endRate;
    private final double cycles;
    private final double warmupMultiplier;

    /**
     * @param baseRate the peak rate
     * @param warmupSteps steps of linear warm-up (clamped to 0..totalSteps)
     * @param totalSteps steps of the whole schedule
     * @param endRate the floor after the warm-up
     * @param cycles cosine cycles (0.5: one half-period, from the peak to 0)
     * @param warmupMultiplier the warm-up's starting fraction of the peak
     */
    public WarmupCosine(double baseRate, long warmupSteps, long totalSteps, double endRate, double cycles,
            double warmupMultiplier) {
        super(baseRate);
        if (totalSteps < 1) {
            throw new IllegalArgumentException("total steps must be positive: " + totalSteps);
        }
        if (!(warmupMultiplier >= 0 && warmupMultiplier <= 1)) {
            throw new IllegalArgumentException("warm-up multiplier must be 0 to 1: " + warmupMultiplier);
        }
        this.warmupSteps = Math.min(Math.max(warmupSteps, 0), totalSteps);
        this.totalSteps = totalSteps;
        this.endRate = endRate;
        this.cycles = cycles;
        this.warmupMultiplier = warmupMultiplier;
    }

    @Override
    double rateAt(long step) {
        if (step < warmupSteps) {
            double fraction = (double) step / Math.max(1.0, warmupSteps);
            return baseRate * (warmupMultiplier + (1 - warmupMultiplier) * fraction);
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        double lambda = Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress)));
        return Math.max(endRate, baseRate * lambda);
    }
}
