package org.voxseg.data.volume;

import java.util.Arrays;

/** Percentiles with numpy's default (linear) interpolation between order statistics. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code percentiles} (0 to 100) of the first {@code count} values of {@code values}; sorts that prefix of
     * the array in place.
     *
     * @throws IllegalArgumentException if {@code count} is 0 or a percentile is outside 0..100
     */
    public static double[] ofSorting(float[] values, int count, double... percentiles) {
        if (count < 1) {
            throw new IllegalArgumentException("percentiles of no values");
        }
        Arrays.sort(values, 0, count);
        double[] result = new double[percentiles.length];
        for (int p = 0; p < percentiles.length; p++) {
            double q = percentiles[p];
            if (!(q >= 0 && q <= 100)) {
                throw new IllegalArgumentException("percentile must be 0 to 100: " + q);
            }
            double position = q / 100 * (count - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, count - 1);
            double fraction = position - below;
            result[p] = values[below] + fraction * ((double) values[above] - values[below]);
        }
        return result;
    }
}
