package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The early-stopping vectors of REFERENCE.md. */
class EarlyStoppingTest {

    @Test
    void patienceRuleMatches3dUnetCnn() {
        PatienceRule rule = new PatienceRule(3, false);

        assertFalse(rule.shouldStop(List.of(0.9, 0.8, 0.7, 0.75)));
        assertTrue(rule.shouldStop(List.of(0.9, 0.8, 0.7, 0.75, 0.72)));
        assertTrue(rule.shouldStop(List.of(0.9, Double.NaN)), "a NaN stops at once");
        assertFalse(rule.shouldStop(List.of()));
        assertTrue(new PatienceRule(2, false).shouldStop(List.of(0.5, 0.5, 0.5)), "the first of equal values counts");
        assertFalse(new PatienceRule(2, true).shouldStop(List.of(0.1, 0.2, 0.3)), "rising Dice goes on");
    }

    @Test
    void movingAverageRuleMatchesNnunet() {
        MovingAverageRule rule = new MovingAverageRule(3);
        int[] bestEpochs = new int[11];
        boolean[] stops = new boolean[11];

        for (int epoch = 0; epoch <= 10; epoch++) {
            double rate = epoch < 8 ? 1e-3 : 1e-7;
            stops[epoch] = rule.update(epoch, 0.5, 0.6, rate).stop();
            bestEpochs[epoch] = rule.bestEpoch();
        }

        assertArrayEquals(new int[] {0, 0, 0, 0, 3, 3, 3, 6, 6, 6, 6}, bestEpochs);
        assertArrayEquals(new boolean[] {false, false, false, false, false, false, false, false, false, false, true},
                stops);
    }

    @Test
    void movingAverageMarksNewBestsAndRestoresItsState() {
        MovingAverageRule rule = new MovingAverageRule(5);
        assertTrue(rule.update(0, 1.0, 0.2, 1e-3).newBest());
        assertTrue(rule.update(1, 0.9, 0.5, 1e-3).newBest(), "0.9 * 0.2 + 0.1 * 0.5 = 0.23 > 0.2");
        assertFalse(rule.update(2, 0.8, 0.0, 1e-3).newBest(), "0.9 * 0.23 = 0.207 < 0.23");

        Map<String, Double> saved = rule.state();
        MovingAverageRule resumed = new MovingAverageRule(5);
        resumed.restore(saved);

        assertEquals(rule.update(3, 0.7, 0.9, 1e-3), resumed.update(3, 0.7, 0.9, 1e-3));
        assertEquals(rule.state(), resumed.state());
    }
}
