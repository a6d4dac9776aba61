package org.voxseg.core.schedule;

import java.util.Map;

/**
 * A schedule whose rate is a function of the number of steps taken (PyTorch's LambdaLR family): the state is that
 * count.
 */
abstract class StepCountedSchedule implements LearningRateSchedule {

    protected final double baseRate;
    private long steps;

    StepCountedSchedule(double baseRate) {
        if (!(baseRate >= 0) || Double.isInfinite(baseRate)) {
            throw new IllegalArgumentException("learning rate must be a non-negative number: " + baseRate);
        }
        this.baseRate = baseRate;
    }

    /** The rate after {@code step} steps. */
    abstract double rateAt(long step);

    @Override
    public final double learningRate() {
        return rateAt(steps);
    }

    @Override
    public final void step(double metric) {
        steps++;
    }

    @Override
    public final Map<String, Double> state() {
        return Map.of("step", (double) steps);
    }

    @Override
    public final void restore(Map<String, Double> state) {
        steps = (long) LearningRateSchedule.field(state, "step");
    }
}
