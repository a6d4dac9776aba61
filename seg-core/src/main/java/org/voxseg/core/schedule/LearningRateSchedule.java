package org.voxseg.core.schedule;

import java.util.Map;

/**
 * A learning-rate schedule, stepped once per epoch or once per iteration by the training loop. Semantics follow
 * PyTorch's {@code torch.optim.lr_scheduler} (and MONAI's and nnU-Net's schedules): right after construction the
 * rate is the one for step 0, and each {@link #step} moves to the next. The state is a few named numbers, saved in
 * checkpoints and restored exactly.
 */
public interface LearningRateSchedule {

    /** The learning rate to use now. */
    double learningRate();

    /**
     * Moves to the next step.
     *
     * @param metric the monitored metric of the epoch just finished (only {@link ReduceLrOnPlateau} reads it; others
     *     accept NaN)
     */
    void step(double metric);

    /**
     * Whether {@link #step} reads the metric: the loop then steps the schedule only after epochs that were
     * validated, so epochs without a metric do not count as epochs without improvement.
     */
    default boolean needsMetric() {
        return false;
    }

    /** The state that, restored into a schedule built with the same settings, continues it exactly. */
    Map<String, Double> state();

    /**
     * Continues from a saved {@link #state()}.
     *
     * @throws IllegalArgumentException if a field is missing
     */
    void restore(Map<String, Double> state);

    /** A field of a saved state. */
    static double field(Map<String, Double> state, String name) {
        Double value = state.get(name);
        if (value == null) {
            throw new IllegalArgumentException("schedule state lacks '" + name + "': " + state.keySet());
        }
        return value;
    }
}
