package org.voxseg.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training loop's decisions after a validated epoch: is this the best model, and should training stop. Best is
 * the highest validation Dice, or with nnU-Net's moving-average rule the highest smoothed Dice; stopping follows
 * the 3DUnetCNN patience rule and/or the moving-average rule, each optional. Built from a run's history, so a resumed
 * run decides exactly as an uninterrupted one.
 */
final class EarlyStopping {

    private final PatienceRule patience;
    private final MovingAverageRule average;
    private final List<Double> validated = new ArrayList<>();

    /**
     * @param patience the 3DUnetCNN rule's patience (0: off)
     * @param movingAveragePatience the nnU-Net rule's patience (0: off)
     * @param history the run's history so far (empty for a new run), replayed through the rules
     */
    EarlyStopping(int patience, int movingAveragePatience, Map<String, List<Double>> history) {
        this.patience = patience > 0 ? new PatienceRule(patience, true) : null;
        this.average = movingAveragePatience > 0 ? new MovingAverageRule(movingAveragePatience) : null;
        List<Double> dice = history.getOrDefault("val_dice", List.of());
        for (int e = 0; e < dice.size(); e++) {
            if (!Double.isNaN(dice.get(e))) {
                validated.add(dice.get(e));
                if (average != null) {
                    average.update(e + 1, history.get("train_loss").get(e), dice.get(e), history.get("lr").get(e));
                }
            }
        }
    }

    /**
     * @param best whether this epoch's model is the best so far
     * @param stop whether to stop after this epoch
     */
    record Decision(boolean best, boolean stop) {
    }

    /** Decides after epoch {@code epoch}; {@code dice} is NaN when it was not validated. */
    Decision after(int epoch, double trainLoss, double dice, double rate, double bestDice) {
        if (Double.isNaN(dice)) {
            return new Decision(false, false);
        }
        validated.add(dice);
        boolean stop = patience != null && patience.shouldStop(validated);
        boolean best = Double.isNaN(bestDice) || dice > bestDice;
        if (average != null) {
            MovingAverageRule.Outcome outcome = average.update(epoch, trainLoss, dice, rate);
            best = outcome.newBest();
            stop |= outcome.stop();
        }
        return new Decision(best, stop);
    }
}
