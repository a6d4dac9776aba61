package org.voxseg.data.transform;

import org.voxseg.data.volume.Percentiles;

/**
 * One channel's intensities over the training cases' foreground, as nnU-Net's dataset fingerprint keeps them for its
 * CT normalisation: mean, population standard deviation, and the 0.5th and 99.5th percentiles that intensities are
 * clipped to.
 *
 * @param mean mean of the foreground intensities
 * @param std their standard deviation (population, numpy's default)
 * @param lowerBound their 0.5th percentile
 * @param upperBound their 99.5th percentile
 */
public record ChannelIntensities(double mean, double std, double lowerBound, double upperBound) {

    /** The percentiles intensities are clipped to, as nnU-Net takes them. */
    public static final double LOWER_PERCENTILE = 0.5;
    public static final double UPPER_PERCENTILE = 99.5;

    public ChannelIntensities {
        if (!Double.isFinite(mean) || !(std >= 0) || !Double.isFinite(std) || !(lowerBound <= upperBound)) {
            throw new IllegalArgumentException("intensity statistics need a finite mean and std >= 0 and "
                    + "lower_bound <= upper_bound: " + mean + ", " + std + ", " + lowerBound + ", " + upperBound);
        }
    }

    /**
     * The statistics of the first {@code count} of {@code values}; sorts that prefix in place.
     *
     * @throws IllegalArgumentException if {@code count} is 0
     */
    public static ChannelIntensities of(float[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        double[] bounds = Percentiles.ofSorting(values, count, LOWER_PERCENTILE, UPPER_PERCENTILE);
        return new ChannelIntensities(mean, Math.sqrt(squares / count), bounds[0], bounds[1]);
    }
}
