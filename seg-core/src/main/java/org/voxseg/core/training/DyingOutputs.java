package org.voxseg.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells when an output dies: its pseudo Dice has been 0 in each of the last few validations, so the network no
 * longer predicts any of it where the validation patches hold it (the small regions, TC and ET, are the ones that
 * die). A function of the history, so a resumed run tells the same; each streak is told once, at the validation that
 * completes it.
 */
public final class DyingOutputs {

    /** Validations in a row with a pseudo Dice of 0 that make an output dead. */
    public static final int VALIDATIONS = 3;

    private DyingOutputs() {
    }

    /** The warnings of the newest epoch of {@code history}: one per output whose dead streak it completes. */
    public static List<String> warnings(TrainingHistory history) {
        List<EpochResult> validated = history.epochs().stream().filter(e -> e.validation().isPresent()).toList();
        if (validated.size() < VALIDATIONS || history.latest().orElseThrow().validation().isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        int newest = validated.size() - 1;
        for (int c = 0; c < history.outputs().size(); c++) {
            if (streak(validated, c) == VALIDATIONS) {
                ValidationScores.OutputDice output = validated.get(newest).validation().orElseThrow().outputs().get(c);
                warnings.add(String.format(Locale.ROOT, "output %s has died: pseudo Dice 0 in the last %d validations "
                        + "(epochs %d to %d), %.4f%% of validation voxels predicted as %s; docs/config.md, \"When an "
                        + "output dies\", says what to change", output.name(), VALIDATIONS,
                        validated.get(newest - VALIDATIONS + 1).epoch(), validated.get(newest).epoch(),
                        100 * output.predictedFraction(), output.name()));
            }
        }
        return warnings;
    }

    /** How many of the newest validations in a row gave output {@code c} a Dice of 0. */
    private static int streak(List<EpochResult> validated, int c) {
        int streak = 0;
        for (int e = validated.size() - 1; e >= 0; e--) {
            if (validated.get(e).validation().orElseThrow().outputs().get(c).dice() != 0) {
                break;
            }
            streak++;
        }
        return streak;
    }
}
