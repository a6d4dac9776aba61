package org.voxseg.core.training;

import java.util.Map;

/**
 * What a front end hears from a {@link Trainer}: progress bars and epoch summaries on a console, status lines in
 * Fiji. Every method has an empty default; calls come from the training thread.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** Case {@code done} of {@code total} is loaded and preprocessed (or read from the cache). */
    default void casePrepared(String caseId, int done, int total) {
    }

    /** Epoch {@code epoch} (1-based) starts with {@code iterations} steps. */
    default void epochStarted(int epoch, int epochs, int iterations) {
    }

    /** One optimiser step of the current epoch is done. */
    default void stepDone(int iteration, double loss) {
    }

    /** Validation of the current epoch starts on {@code cases} cases. */
    default void validationStarted(int cases) {
    }

    /**
     * Epoch {@code epoch} is done and checkpointed.
     *
     * @param values this epoch's row of the training log (train_loss, val_loss, val_dice, dice_*, lr, seconds)
     * @param best whether it is the best epoch so far
     */
    default void epochDone(int epoch, Map<String, Double> values, boolean best) {
    }

    /** A message worth showing (resumed, stopped early, parameters that pretrained weights did not cover). */
    default void note(String message) {
    }
}
