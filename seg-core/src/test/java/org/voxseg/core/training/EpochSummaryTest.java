package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpochSummaryTest {

    @Test
    void anEpochIsOneLineWithItsValidationScores() {
        EpochResult result = new EpochResult(3, 0.41234, 3e-4, Optional.of(new ValidationScores(0.38111,
                List.of(new ValidationScores.OutputDice("WT", 0.81016)), 0.8)), 11.23);

        assertEquals("epoch 3: loss 0.4123, val_loss 0.3811, dice_WT 0.8102, lr 0.000300, 11.2 s, best",
                EpochSummary.line(result, true));
    }

    @Test
    void anEpochWithoutValidationHasNoScores() {
        EpochResult result = new EpochResult(2, 0.5, 1e-3, Optional.empty(), 2.04);

        assertEquals("epoch 2: loss 0.5000, lr 0.00100, 2.0 s", EpochSummary.line(result, false));
    }

    @Test
    void anOutcomeSaysWhenItStoppedEarly() {
        double[] dice = {0.5, 0.6, 0.7, 0.8, 0.91234, 0.9, 0.9};
        TrainingHistory history = Histories.ofDice(dice);
        TrainingOutcome outcome = new TrainingOutcome(new TrainingState(7, 70, history, 5), true);

        assertEquals("trained 7 epoch(s) (stopped early); best mean validation Dice 0.9123 at epoch 5",
                outcome.summary());
    }
}
