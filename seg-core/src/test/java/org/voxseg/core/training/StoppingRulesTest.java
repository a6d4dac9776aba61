package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The best-model and stopping rules the trainer consults: 3DUnetCNN's patience and nnU-Net's moving average. */
class StoppingRulesTest {

    @Test
    void withoutRulesTheBestIsTheHighestDiceAndNothingStops() {
        TrainingHistory history = Histories.ofDice(0.6, 0.5, Double.NaN);

        assertEquals(1, BestModelRule.HIGHEST_DICE.bestEpoch(Histories.prefix(history, 1)));
        assertEquals(1, BestModelRule.HIGHEST_DICE.bestEpoch(Histories.prefix(history, 2)));
        assertEquals(1, BestModelRule.HIGHEST_DICE.bestEpoch(history), "an epoch without validation decides nothing");
        assertEquals(0, BestModelRule.HIGHEST_DICE.bestEpoch(Histories.ofDice(Double.NaN)));
    }

    @Test
    void patienceStopsByTheUnetCnnRuleOnValidatedEpochs() {
        // 3DUnetCNN's rule (docs/reference.md): stop once the best is at index <= len - patience.
        PatienceRule rule = new PatienceRule(3, true);
        TrainingHistory history = Histories.ofDice(0.7, 0.6, 0.65);

        assertFalse(rule.shouldStop(Histories.prefix(history, 1)));
        assertFalse(rule.shouldStop(Histories.prefix(history, 2)));
        assertTrue(rule.shouldStop(history));
        assertFalse(rule.shouldStop(Histories.ofDice(0.7, 0.6, 0.65, Double.NaN)),
                "an epoch without validation decides nothing");
    }

    @Test
    void theMovingAverageRuleStopsAsTheReferenceSays() {
        // docs/reference.md#moving-average-rule: patience 3, constant train loss 0.5, lr 1e-3 for epochs < 8 then
        // 1e-7 (counting from 0); stops after epoch 10.
        int epochs = 11;
        double[] loss = new double[epochs];
        double[] dice = new double[epochs];
        double[] rates = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            loss[e] = 0.5;
            dice[e] = 0.5 + 0.01 * Math.sin(e);
            rates[e] = e < 8 ? 1e-3 : 1e-7;
        }
        TrainingHistory history = Histories.of(loss, dice, rates);
        MovingAverageRule rule = new MovingAverageRule(3);

        List<Boolean> stops = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            stops.add(rule.shouldStop(Histories.prefix(history, e)));
        }
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, true), stops);
    }

    @Test
    void theMovingAverageRulePicksTheBestSmoothedDice() {
        // Smoothed 0.9 / 0.1: 0.5, 0.45 + 0.09 = 0.54, then 0.486 + 0.05 = 0.536 stays below 0.54.
        MovingAverageRule rule = new MovingAverageRule(3);

        assertEquals(2, rule.bestEpoch(Histories.ofDice(0.5, 0.9, 0.5)));
        assertEquals(3, BestModelRule.HIGHEST_DICE.bestEpoch(Histories.ofDice(0.5, 0.9, 0.95)));
    }

    @Test
    void byDefaultTheBestIsTheHighestMovingAverageSoOneLuckyValidationDoesNotWin() {
        // Smoothed 0.9 / 0.1: 0.8, 0.74, 0.761, 0.7749; the single 0.95 at epoch 3 never lifts the average above 0.8.
        TrainingHistory history = Histories.ofDice(0.8, 0.2, 0.95, Double.NaN, 0.9);

        assertArrayEquals(new double[] {0.8, 0.74, 0.761, 0.761, 0.7749}, history.movingAverageDice(), 1e-12);
        assertEquals(1, BestModelRule.MOVING_AVERAGE_DICE.bestEpoch(history));
        assertEquals(3, BestModelRule.HIGHEST_DICE.bestEpoch(history));
        assertEquals(6, BestModelRule.MOVING_AVERAGE_DICE.bestEpoch(Histories.ofDice(0.8, 0.2, 0.95, 0.9, 1, 1)),
                "0.7749, 0.79741, 0.817669: a lasting improvement wins");
        assertEquals(0, BestModelRule.MOVING_AVERAGE_DICE.bestEpoch(Histories.ofDice(Double.NaN)));
    }
}
