package org.voxseg.core.schedule;

/**
 * PyTorch's CosineAnnealingWarmRestarts (SGDR) stepped once per step: cosine from {@code base} to {@code minRate}
 * over a period of {@code firstPeriod} steps, restarting with the period multiplied by {@code periodMultiplier}.
 */
public final class CosineWarmRestarts extends StepCountedSchedule {

    private final long firstPeriod;
    private final long periodMultiplier;
    private final double minRate;

    public CosineWarmRestarts(double baseRate, long firstPeriod, long periodMultiplier, double minRate) {
        super(baseRate);
        if (firstPeriod < 1 || periodMultiplier < 1) {
            throw new IllegalArgumentException("period and its multiplier must be positive integers: " + firstPeriod
                    + ", " + periodMultiplier);
        }
        this.firstPeriod = firstPeriod;
        this.periodMultiplier = periodMultiplier;
        this.minRate = minRate;
    }

    @Override
    double rateAt(long step) {
        long period = firstPeriod;
        long withinPeriod = step;
        while (withinPeriod >= period) {
            withinPeriod -= period;
            period *= periodMultiplier;
        }
        return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * withinPeriod / period)) / 2;
    }
}
