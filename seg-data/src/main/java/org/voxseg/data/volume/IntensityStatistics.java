package org.voxseg.data.volume;

import java.nio.FloatBuffer;

/**
 * Summary statistics of a volume's values: how many are NaN or infinite, and the minimum, maximum and sum
 * (accumulated in double) of the finite ones.
 *
 * @param nanCount number of NaN values
 * @param infiniteCount number of positive or negative infinities
 * @param finiteCount number of finite values
 * @param finiteMin smallest finite value (NaN when there is none)
 * @param finiteMax largest finite value (NaN when there is none)
 * @param finiteSum sum of the finite values
 */
public record IntensityStatistics(long nanCount, long infiniteCount, long finiteCount, double finiteMin,
        double finiteMax, double finiteSum) {

    /** The statistics over all channels of {@code volume}. */
    public static IntensityStatistics of(Volume volume) {
        return of(volume.data());
    }

    /** The statistics over the values of {@code data} from index 0 to its limit, e.g. one channel of a volume. */
    public static IntensityStatistics of(FloatBuffer data) {
        long nan = 0;
        long infinite = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0, n = data.limit(); i < n; i++) {
            float v = data.get(i);
            if (Float.isNaN(v)) {
                nan++;
            } else if (Float.isInfinite(v)) {
                infinite++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        long finite = data.limit() - nan - infinite;
        return finite == 0
                ? new IntensityStatistics(nan, infinite, 0, Double.NaN, Double.NaN, 0)
                : new IntensityStatistics(nan, infinite, finite, min, max, sum);
    }
}
