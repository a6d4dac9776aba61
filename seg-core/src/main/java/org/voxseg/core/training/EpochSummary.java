package org.voxseg.core.training;

import java.util.Locale;
import java.util.Map;

/** The one-line summary of an epoch that every front end prints: losses, Dice per region, lr, time, best mark. */
public final class EpochSummary {

    private EpochSummary() {
    }

    /**
     * For example {@code epoch 3: loss 0.4120, val_loss 0.3811, dice_WT 0.8102, lr 0.000300, 11.2 s, best}.
     *
     * @param values the epoch's row of the training log, as {@link TrainingListener#epochDone} hears it
     */
    public static String line(int epoch, Map<String, Double> values, boolean best) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4f", epoch,
                values.get("train_loss")));
        values.forEach((name, value) -> {
            if ((name.equals("val_loss") || name.startsWith("dice_")) && !Double.isNaN(value)) {
                line.append(String.format(Locale.ROOT, ", %s %.4f", name, value));
            }
        });
        line.append(String.format(Locale.ROOT, ", lr %.3g, %.1f s%s", values.get("lr"), values.get("seconds"),
                best ? ", best" : ""));
        return line.toString();
    }
}
