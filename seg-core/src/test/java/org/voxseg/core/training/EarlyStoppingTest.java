package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void withoutRulesTheBestIsTheHighestDiceAndNothingStops() {
        EarlyStopping rules = new EarlyStopping(0, 0, Map.of());

        assertEquals(new EarlyStopping.Decision(true, false), rules.after(1, 0.5, 0.6, 1e-3, Double.NaN));
        assertEquals(new EarlyStopping.Decision(false, false), rules.after(2, 0.5, 0.5, 1e-3, 0.6));
        assertEquals(new EarlyStopping.Decision(false, false), rules.after(3, 0.5, Double.NaN, 1e-3, 0.6),
                "an epoch without validation decides nothing");
    }

    @Test
    void patienceStopsByTheUnetCnnRuleOnValidatedEpochs() {
        // 3DUnetCNN's rule as REFERENCE.md states it: stop once the best is at index <= len - patience.
        EarlyStopping rules = new EarlyStopping(3, 0, Map.of());

        assertFalse(rules.after(1, 0.5, 0.7, 1e-3, Double.NaN).stop());
        assertFalse(rules.after(2, 0.5, 0.6, 1e-3, 0.7).stop());
        assertTrue(rules.after(3, 0.5, 0.65, 1e-3, 0.7).stop());
    }

    @Test
    void theMovingAverageRuleStopsAsReferenceSaysAndResumesFromHistoryIdentically() {
        // REFERENCE.md: patience 3, constant train loss 0.5, lr 1e-3 for epochs < 8 then 1e-7; stops after epoch 10.
        Map<String, List<Double>> history = new LinkedHashMap<>();
        EarlyStopping straight = new EarlyStopping(0, 3, Map.of());
        List<Boolean> stops = new ArrayList<>();
        for (int epoch = 0; epoch <= 10; epoch++) {
            double rate = epoch < 8 ? 1e-3 : 1e-7;
            double dice = 0.5 + 0.01 * Math.sin(epoch);
            stops.add(straight.after(epoch, 0.5, dice, rate, Double.NaN).stop());
            if (epoch == 5) {
                history.put("train_loss", new ArrayList<>(List.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5)));
                history.put("lr", new ArrayList<>(List.of(1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3)));
                List<Double> dices = new ArrayList<>();
                for (int e = 0; e <= 5; e++) {
                    dices.add(0.5 + 0.01 * Math.sin(e));
                }
                history.put("val_dice", dices);
            }
        }
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, true), stops);

        // Replayed epochs are numbered from 1, so a resumed rule continues at epoch 7 for the straight run's 6.
        EarlyStopping resumed = new EarlyStopping(0, 3, history);
        List<Boolean> resumedStops = new ArrayList<>();
        for (int epoch = 7; epoch <= 11; epoch++) {
            double rate = epoch - 1 < 8 ? 1e-3 : 1e-7;
            resumedStops.add(resumed.after(epoch, 0.5, 0.5 + 0.01 * Math.sin(epoch - 1), rate, Double.NaN).stop());
        }
        assertEquals(stops.subList(6, 11), resumedStops);
    }
}
