package org.voxseg.core.training;

import java.util.List;

/**
 * 3DUnetCNN's early stopping on the validation Dice: stop if the best value (its first occurrence) is at least
 * {@code patience} validations old, or the last value is NaN. Only validated epochs count, and the rule decides only
 * after one. A pure function of the history, which checkpoints keep, so it needs no state of its own.
 *
 * @param patience validations without a new best before stopping
 * @param higherIsBetter true for Dice-like metrics, false for losses
 */
public record PatienceRule(int patience, boolean higherIsBetter) implements StoppingRule {

    public PatienceRule {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be positive: " + patience);
        }
    }

    @Override
    public boolean shouldStop(TrainingHistory history) {
        return history.latest().flatMap(EpochResult::validation).isPresent()
                && shouldStop(history.validatedDice());
    }

    @Override
    public String reason() {
        return "no better validation Dice in " + patience + " validations";
    }

    /** Whether to stop, given the monitored value of every validation so far. */
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
