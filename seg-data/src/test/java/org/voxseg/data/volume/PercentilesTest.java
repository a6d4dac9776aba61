package org.voxseg.data.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesLinearlyAsNumpy() {
        // np.percentile([4, 1, 3, 2], [0, 10, 50, 100]) = [1, 1.3, 2.5, 4]
        assertArrayEquals(new double[] {1, 1.3, 2.5, 4},
                Percentiles.ofSorting(new float[] {4, 1, 3, 2}, 4, 0, 10, 50, 100), 1e-12);
    }

    @Test
    void usesOnlyTheCountedPrefix() {
        assertArrayEquals(new double[] {2}, Percentiles.ofSorting(new float[] {3, 1, 100, -100}, 2, 50), 0);
    }

    @Test
    void refusesNoValuesAndBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.ofSorting(new float[0], 0, 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.ofSorting(new float[] {1}, 1, 101));
    }
}
