package org.voxseg.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Training histories for tests: one output, validated wherever a Dice is not NaN. */
final class Histories {

    private Histories() {
    }

    /** Epochs 1.. with these training losses, validation Dice (NaN: not validated) and rates. */
    static TrainingHistory of(double[] trainLoss, double[] dice, double[] rates) {
        List<EpochResult> epochs = new ArrayList<>();
        for (int e = 0; e < dice.length; e++) {
            Optional<ValidationScores> scores = Double.isNaN(dice[e]) ? Optional.empty()
                    : Optional.of(new ValidationScores(1 - dice[e], List.of(new ValidationScores.OutputDice("fg",
                            dice[e])), dice[e]));
            epochs.add(new EpochResult(e + 1, trainLoss[e], rates[e], scores, 1));
        }
        return new TrainingHistory(List.of("fg"), epochs);
    }

    /** Epochs 1.. with these validation Dice values, training loss 0.5 and rate 1e-3. */
    static TrainingHistory ofDice(double... dice) {
        double[] loss = new double[dice.length];
        double[] rates = new double[dice.length];
        Arrays.fill(loss, 0.5);
        Arrays.fill(rates, 1e-3);
        return of(loss, dice, rates);
    }

    /** The first {@code epochs} epochs of {@code history}. */
    static TrainingHistory prefix(TrainingHistory history, int epochs) {
        return new TrainingHistory(history.outputs(), history.epochs().subList(0, epochs));
    }
}
