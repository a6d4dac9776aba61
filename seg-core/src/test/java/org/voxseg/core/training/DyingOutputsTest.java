package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DyingOutputsTest {

    /** Epochs of two outputs, WT and TC; TC's Dice as given (NaN: the epoch was not validated), WT's 0.9. */
    private static TrainingHistory withCoreDice(double... coreDice) {
        List<EpochResult> epochs = new ArrayList<>();
        for (int e = 0; e < coreDice.length; e++) {
            Optional<ValidationScores> scores = Double.isNaN(coreDice[e]) ? Optional.empty()
                    : Optional.of(new ValidationScores(0.5, List.of(new ValidationScores.OutputDice("WT", 0.9, 0.1),
                            new ValidationScores.OutputDice("TC", coreDice[e], 0)), 0.5));
            epochs.add(new EpochResult(e + 1, 0.5, 1e-3, scores, 1));
        }
        return new TrainingHistory(List.of("WT", "TC"), epochs);
    }

    @Test
    void anOutputIsToldDeadOnceAtTheValidationThatCompletesItsStreak() {
        TrainingHistory history = withCoreDice(0.4, 0, 0, 0, 0);
        List<Integer> toldAt = new ArrayList<>();
        for (int epochs = 1; epochs <= history.size(); epochs++) {
            if (!DyingOutputs.warnings(Histories.prefix(history, epochs)).isEmpty()) {
                toldAt.add(epochs);
            }
        }

        assertEquals(List.of(4), toldAt, "the third zero in a row, and only then");
        String warning = DyingOutputs.warnings(Histories.prefix(history, 4)).get(0);
        assertTrue(warning.startsWith("output TC has died: pseudo Dice 0 in the last 3 validations (epochs 2 to 4), "
                + "0.0000% of validation voxels predicted as TC"), warning);
    }

    @Test
    void epochsWithoutValidationNeitherBreakNorCompleteAStreak() {
        assertTrue(DyingOutputs.warnings(withCoreDice(0, Double.NaN, 0, Double.NaN)).isEmpty(),
                "an unvalidated epoch says nothing new");
        assertEquals(1, DyingOutputs.warnings(withCoreDice(0, Double.NaN, 0, Double.NaN, 0)).size());
    }

    @Test
    void aRecoveredOutputStartsAnotherStreakAndALiveOneIsNeverTold() {
        assertTrue(DyingOutputs.warnings(withCoreDice(0, 0, 0.01, 0, 0)).isEmpty());
        assertEquals(1, DyingOutputs.warnings(withCoreDice(0, 0, 0.01, 0, 0, 0)).size());
        assertTrue(DyingOutputs.warnings(withCoreDice(0.3, 0.2, 0.1, 0.05)).isEmpty());
    }
}
