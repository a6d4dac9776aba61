package org.voxseg.data.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;

class IntensityStatisticsTest {

    private static Volume volumeOf(float... values) {
        return Volume.wrap(Geometry.of(new Extent(values.length, 1, 1), Affine.identity()), 1, values);
    }

    @Test
    void countsNonFiniteValuesApartFromTheFiniteSummary() {
        IntensityStatistics stats = IntensityStatistics.of(
                volumeOf(3, Float.NaN, -2, Float.POSITIVE_INFINITY, 10, Float.NaN, Float.NEGATIVE_INFINITY));

        assertEquals(new IntensityStatistics(2, 2, 3, -2, 10, 11), stats);
    }

    @Test
    void allNonFiniteHasNoMinimumOrMaximum() {
        IntensityStatistics stats = IntensityStatistics.of(volumeOf(Float.NaN, Float.NaN));

        assertEquals(2, stats.nanCount());
        assertEquals(0, stats.finiteCount());
        assertTrue(Double.isNaN(stats.finiteMin()) && Double.isNaN(stats.finiteMax()));
    }
}
