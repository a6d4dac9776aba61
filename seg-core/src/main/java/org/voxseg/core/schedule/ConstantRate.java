package org.voxseg.core.schedule;

/** No schedule: the base rate at every step. */
public final class ConstantRate extends StepCountedSchedule {

    public ConstantRate(double baseRate) {
        super(baseRate);
    }

    @Override
    double rateAt(long step) {
        return baseRate;
    }
}
