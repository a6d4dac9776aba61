package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChannelIntensitiesTest {

    @Test
    void meanPopulationStdAndNumpysLinearPercentiles() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[(i * 7) % values.length] = i; // 0..999, shuffled
        }

        ChannelIntensities statistics = ChannelIntensities.of(values, values.length);

        // numpy: np.mean(a) = 499.5, np.std(a) = sqrt((1000**2 - 1) / 12),
        // np.percentile(a, [0.5, 99.5]) = [4.995, 994.005]
        assertEquals(499.5, statistics.mean(), 1e-9);
        assertEquals(Math.sqrt((1000.0 * 1000 - 1) / 12), statistics.std(), 1e-9);
        assertEquals(4.995, statistics.lowerBound(), 1e-9);
        assertEquals(994.005, statistics.upperBound(), 1e-9);
    }

    @Test
    void boundsOutOfOrderOrANonFiniteMeanAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelIntensities(0, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChannelIntensities(Double.NaN, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChannelIntensities(0, -1, 0, 1));
    }
}
