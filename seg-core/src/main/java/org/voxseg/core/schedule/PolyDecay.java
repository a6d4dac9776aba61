package org.voxseg.core.schedule;

/** nnU-Net's poly schedule: {@code base * (1 - step / maxSteps) ^ exponent}, exponent 0.9 by convention. */
public final class PolyDecay extends StepCountedSchedule {

    private final long maxSteps;
    private final double exponent;

    public PolyDecay(double baseRate, long maxSteps, double exponent) {
        super(baseRate);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max steps must be positive: " + maxSteps);
        }
        this.maxSteps = maxSteps;
        this.exponent = exponent;
    }

    @Override
    double rateAt(long step) {
        return baseRate * Math.pow(Math.max(0, 1 - (double) step / maxSteps), exponent);
    }
}
