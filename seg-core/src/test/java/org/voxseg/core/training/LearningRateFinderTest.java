package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateFinderTest {

    @Test
    void ratesRiseExponentiallyOrLinearlyFromTheStart() {
        LearningRateFinder exponential = new LearningRateFinder(1e-5, 1e-1, 5, true, 0, 5);
        LearningRateFinder linear = new LearningRateFinder(0.1, 0.5, 5, false, 0, 5);

        assertArrayEquals(new double[] {1e-5, 1e-4, 1e-3, 1e-2, 1e-1},
                new double[] {exponential.rate(0), exponential.rate(1), exponential.rate(2), exponential.rate(3),
                    exponential.rate(4)}, 1e-15);
        assertEquals(0.3, linear.rate(2), 1e-15);
    }

    @Test
    void smoothsStopsOnDivergenceAndSuggestsTheSteepestDescent() {
        double[] raw = {1.0, 0.9, 0.5, 0.45, 0.44, 3.0, 9.0, 20.0};
        List<Double> asked = new ArrayList<>();
        LearningRateFinder finder = new LearningRateFinder(1e-4, 1e-1, 8, true, 0.5, 3);

        LearningRateFinder.Result result = finder.run(rate -> {
            asked.add(rate);
            return raw[asked.size() - 1];
        });

        // smoothed: 1.0, 0.95, 0.725, 0.5875, 0.51375 (best), then 1.756875 > 3 * 0.51375: recorded, and stop
        List<Double> expected = List.of(1.0, 0.95, 0.725, 0.5875, 0.51375, 1.756875);
        assertEquals(expected.size(), result.losses().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), result.losses().get(i), 1e-12, "loss " + i);
        }
        assertEquals(asked, result.rates());
        // numpy.gradient: [-0.05, -0.1375, -0.18125, -0.105625, 0.584688, 1.243125]: steepest at index 2
        assertEquals(finder.rate(2), result.suggestion(), 1e-15);
    }
}
