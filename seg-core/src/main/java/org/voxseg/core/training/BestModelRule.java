package org.voxseg.core.training;

/**
 * Which epoch's model is the best so far, the one kept as {@code best.ckpt}: by default nnU-Net's choice, the highest
 * exponential moving average of the mean foreground Dice ({@link #MOVING_AVERAGE_DICE}), which a single lucky
 * validation cannot win; or the highest mean Dice itself ({@link #HIGHEST_DICE}). A function of the history, so a
 * resumed run picks the same best model as an uninterrupted one.
 */
@FunctionalInterface
public interface BestModelRule {

    /** The validated epoch with the highest mean Dice (NaN never counts), the earliest of equals. */
    BestModelRule HIGHEST_DICE = history -> {
        int best = 0;
        for (EpochResult e : history.epochs()) {
            boolean scored = e.validation().isPresent() && !Double.isNaN(e.meanDice());
            if (scored && (best == 0 || e.meanDice() > history.epoch(best).meanDice())) {
                best = e.epoch();
            }
        }
        return best;
    };

    /** The validated epoch with the highest {@link TrainingHistory#movingAverageDice}, the earliest of equals. */
    BestModelRule MOVING_AVERAGE_DICE = history -> {
        double[] averages = history.movingAverageDice();
        int best = 0;
        for (EpochResult e : history.epochs()) {
            double average = averages[e.epoch() - 1];
            boolean scored = e.validation().isPresent() && !Double.isNaN(average);
            if (scored && (best == 0 || average > averages[best - 1])) {
                best = e.epoch();
            }
        }
        return best;
    };

    /** The best epoch of {@code history} (from 1), or 0 while no epoch qualifies. */
    int bestEpoch(TrainingHistory history);
}
