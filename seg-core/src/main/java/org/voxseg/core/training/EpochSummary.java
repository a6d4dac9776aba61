package org.voxseg.core.training;

import java.util.Locale;

/** The one-line summary of an epoch that every front end prints: losses, Dice per output, lr, time, best mark. */
public final class EpochSummary {

    private EpochSummary() {
    }

    /**
     * For example {@code epoch 3: loss 0.4120, val_loss 0.3811, dice_WT 0.8102, lr 0.000300, 11.2 s, best}.
     *
     * @param result the epoch's record
     * @param best whether its model is the best so far
     */
    public static String line(EpochResult result, boolean best) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4f", result.epoch(),
                result.trainLoss()));
        result.validation().ifPresent(scores -> {
            line.append(String.format(Locale.ROOT, ", val_loss %.4f", scores.loss()));
            scores.outputs().forEach(output -> line.append(String.format(Locale.ROOT, ", dice_%s %.4f",
                    output.name(), output.dice())));
        });
        line.append(String.format(Locale.ROOT, ", lr %.3g, %.1f s%s", result.learningRate(), result.seconds(),
                best ? ", best" : ""));
        return line.toString();
    }

    /** The summary of {@code state}'s newest epoch. */
    public static String line(TrainingState state) {
        return line(state.latest().orElseThrow(() -> new IllegalArgumentException("no epoch trained yet")),
                state.latestIsBest());
    }
}
