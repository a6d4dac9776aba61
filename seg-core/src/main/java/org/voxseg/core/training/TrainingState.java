package org.voxseg.core.training;

import java.util.List;
import java.util.Optional;

/**
 * Where a run stands after an epoch: epochs and optimiser steps done, the history, and the best epoch so far. With
 * the network, optimiser and schedule it is everything a checkpoint holds; batches and random draws are functions
 * of the seed and the step, so a run resumed from it continues as if it had never stopped.
 *
 * @param epoch epochs completed
 * @param step optimiser steps completed (the next batch's index)
 * @param history every epoch's record
 * @param bestEpoch the epoch of the best model (0 before any validation)
 */
public record TrainingState(int epoch, long step, TrainingHistory history, int bestEpoch) {

    public TrainingState {
        if (history.size() != epoch || bestEpoch < 0 || bestEpoch > epoch) {
            throw new IllegalArgumentException("inconsistent training state: epoch " + epoch + ", " + history.size()
                    + " epochs of history, best epoch " + bestEpoch);
        }
    }

    /** The state before the first step. */
    public static TrainingState start(List<String> outputs) {
        return new TrainingState(0, 0, TrainingHistory.empty(outputs), 0);
    }

    /** The best epoch's mean foreground Dice, or NaN before any validation. */
    public double bestDice() {
        return bestEpoch == 0 ? Double.NaN : history.epoch(bestEpoch).meanDice();
    }

    /** The newest epoch's record, if any. */
    public Optional<EpochResult> latest() {
        return history.latest();
    }

    /** Whether the newest epoch is the best one. */
    public boolean latestIsBest() {
        return bestEpoch > 0 && bestEpoch == epoch;
    }
}
