package org.voxseg.core.training;

import java.util.Locale;

/**
 * What a run ended with: its final state and whether a stopping rule ended it before its last epoch.
 *
 * @param state the state after the last epoch
 * @param stoppedEarly whether a stopping rule ended the run
 */
public record TrainingOutcome(TrainingState state, boolean stoppedEarly) {

    /** Epochs trained in all (resumed runs count their earlier epochs). */
    public int epochs() {
        return state.epoch();
    }

    /** The best mean foreground validation Dice, or NaN if the run was never validated. */
    public double bestDice() {
        return state.bestDice();
    }

    /** The epoch of the best model, or 0. */
    public int bestEpoch() {
        return state.bestEpoch();
    }

    /** Every epoch's record. */
    public TrainingHistory history() {
        return state.history();
    }

    /** For example {@code trained 12 epoch(s); best mean validation Dice 0.9120 at epoch 11}. */
    public String summary() {
        return String.format(Locale.ROOT, "trained %d epoch(s)%s; best mean validation Dice %.4f at epoch %d",
                epochs(), stoppedEarly ? " (stopped early)" : "", bestDice(), bestEpoch());
    }
}
