package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpochSummaryTest {

    @Test
    void listsLossesAndDicePerRegionAndSkipsWhatWasNotValidated() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("train_loss", 0.41234);
        values.put("val_loss", 0.38111);
        values.put("val_dice", 0.8);
        values.put("dice_WT", 0.81016);
        values.put("dice_TC", Double.NaN);
        values.put("lr", 3e-4);
        values.put("seconds", 11.23);

        assertEquals("epoch 3: loss 0.4123, val_loss 0.3811, dice_WT 0.8102, lr 0.000300, 11.2 s, best",
                EpochSummary.line(3, values, true));
    }

    @Test
    void anOutcomeSaysWhenItStoppedEarly() {
        Trainer.Outcome outcome = new Trainer.Outcome(7, 0.91234, 5, Map.of("train_loss", List.of()), true);

        assertEquals("trained 7 epoch(s) (stopped early); best mean validation Dice 0.9123 at epoch 5",
                outcome.summary());
    }
}
