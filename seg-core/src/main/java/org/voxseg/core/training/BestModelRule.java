package org.voxseg.core.training;



/**
 * Which epoch's model is the best so far, the one kept as {@code best.ckpt}: by default the highest mean validation
 * Dice ({@link #HIGHEST_DICE}); nnU-Net's moving-average rule smooths the Dice first. A function of the history, so
 * a resumed run picks the same best model as an uninterrupted one.
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

    /** The best epoch of {@code history} (from 1), or 0 while no epoch qualifies. */
    int bestEpoch(TrainingHistory history);
}
