package org.voxseg.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every vector of docs/reference.md, and PyTorch's documented sequences for the other schedules. */
class LearningRateScheduleTest {

    /** The rate now, then after each of {@code steps - 1} steps (metric NaN). */
    private static double[] rates(LearningRateSchedule schedule, int steps) {
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            out[s] = schedule.learningRate();
            schedule.step(Double.NaN);
        }
        return out;
    }

    @Test
    void warmupCosineMatchesMonai() {
        double[] expected = {0, 2e-05, 4e-05, 6e-05, 8e-05, 1e-04, 9.891e-05, 9.568e-05, 9.045e-05, 8.346e-05,
            7.5e-05, 6.545e-05, 5.523e-05, 4.477e-05, 3.455e-05, 2.5e-05, 1.654e-05, 9.549e-06, 4.323e-06, 1.093e-06,
            0, 1.093e-06};

        double[] actual = rates(new WarmupCosine(1e-4, 5, 20, 0, 0.5, 0), 22);

        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s], actual[s], Math.max(expected[s] * 1e-3, 1e-12), "step " + s);
        }
    }

    @Test
    void reduceOnPlateauMatchesPytorch() {
        double[] metrics = {1.0, 0.9, 0.9, 0.89995, 0.91, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85,
            0.85};
        double[] expected = {1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4, 5e-4, 5e-4, 2.5e-4, 2.5e-4, 2.5e-4,
            2.5e-4, 2e-4, 2e-4};
        ReduceLrOnPlateau schedule = new ReduceLrOnPlateau(1e-3, ReduceLrOnPlateau.Mode.MIN, 0.5, 2, 1e-4, true, 1,
                2e-4);

        double[] actual = new double[metrics.length];
        for (int e = 0; e < metrics.length; e++) {
            schedule.step(metrics[e]);
            actual[e] = schedule.learningRate();
        }

        assertArrayEquals(expected, actual, 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> new ReduceLrOnPlateau(1, ReduceLrOnPlateau.Mode.MAX, 1, 1, 0, true, 0, 0));
    }

    @Test
    void polyMatchesNnunet() {
        PolyDecay poly = new PolyDecay(1e-2, 1000, 0.9);
        double[] all = rates(poly, 1000);

        assertEquals(0.01, all[0], 1e-12);
        assertEquals(0.0099910, all[1], 1e-7);
        assertEquals(0.0053589, all[500], 1e-7);
        assertEquals(1.9953e-05, all[999], 1e-9);
    }

    @Test
    void stepMultiStepAndExponentialMatchPytorch() {
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001},
                rates(StepDecay.every(0.1, 3, 0.1), 7), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25},
                rates(StepDecay.atMilestones(1, new long[] {5, 2}, 0.5), 7), 0);
        assertArrayEquals(new double[] {1, 0.9, 0.81, 0.729}, rates(StepDecay.exponential(1, 0.9), 4), 1e-15);
    }

    @Test
    void warmRestartsMatchPytorch() {
        // T_0 = 3, T_mult = 2: periods of 3, then 6 steps
        double c = (1 + Math.cos(Math.PI / 6)) / 2;
        double d = (1 + Math.cos(5 * Math.PI / 6)) / 2;
        assertArrayEquals(new double[] {1, 0.75, 0.25, 1, c, 0.75, 0.5, 0.25, d, 1},
                rates(new CosineWarmRestarts(1, 3, 2, 0), 10), 1e-12);
    }

    @Test
    void savedStateContinuesExactly() {
        assertContinues(() -> new WarmupCosine(1e-3, 3, 30, 1e-6, 0.5, 0.1));
        assertContinues(() -> new PolyDecay(1e-2, 40, 0.9));
        assertContinues(() -> new CosineWarmRestarts(0.1, 4, 2, 1e-4));
        assertContinues(() -> new ReduceLrOnPlateau(1e-2, ReduceLrOnPlateau.Mode.MAX, 0.1, 1, 1e-4, false, 2, 0));
    }

    private static void assertContinues(Supplier<LearningRateSchedule> make) {
        double[] metrics = {0.1, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        LearningRateSchedule straight = make.get();
        LearningRateSchedule first = make.get();
        double[] expected = new double[metrics.length];
        double[] actual = new double[metrics.length];
        for (int e = 0; e < metrics.length; e++) {
            straight.step(metrics[e]);
            expected[e] = straight.learningRate();
        }
        for (int e = 0; e < 5; e++) {
            first.step(metrics[e]);
            actual[e] = first.learningRate();
        }
        Map<String, Double> saved = first.state();
        LearningRateSchedule resumed = make.get();
        resumed.restore(saved);
        for (int e = 5; e < metrics.length; e++) {
            resumed.step(metrics[e]);
            actual[e] = resumed.learningRate();
        }
        assertArrayEquals(expected, actual, 0, resumed.getClass().getSimpleName());
    }

    @Test
    void restoringAnIncompleteStateSaysWhatIsMissing() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PolyDecay(1, 10, 0.9).restore(Map.of()));
        assertEquals("schedule state lacks 'step': []", error.getMessage());
    }
}
