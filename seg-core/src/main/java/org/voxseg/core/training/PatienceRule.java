package org.voxseg.core.training;

import java.util.List;

/**
 * 3DUnetCNN's early stopping: before each epoch, stop if the best monitored value (its first occurrence) is at
 * least {@code patience} epochs old, or the last value is NaN. A pure function of the monitored history, which
 * checkpoints keep, so it needs no state of its own.
 *
 * @param patience epochs without a new best before stopping
 * @param higherIsBetter true for Dice-like metrics, false for losses
 */
public record PatienceRule(int patience, boolean higherIsBetter) {

    public PatienceRule {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be positive: " + patience);
        }
    }

    /** Whether to stop, given the monitored value of every epoch so far. */
    public boolean shouldStop(List<Double> monitored) {
        if (monitored.isEmpty()) {
            return false;
        }
        if (Double.isNaN(monitored.get(monitored.size() - 1))) {
            return true;
        }
        int best = 0;
        for (int e = 1; e < monitored.size(); e++) {
            double value = monitored.get(e);
            if (higherIsBetter ? value > monitored.get(best) : value < monitored.get(best)) {
                best = e;
            }
        }
        return best <= monitored.size() - patience;
    }
}
