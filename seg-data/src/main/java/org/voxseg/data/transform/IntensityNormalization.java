package org.voxseg.data.transform;

import org.voxseg.data.volume.Percentiles;
import org.voxseg.data.volume.Volume;

/**
 * Z-score normalisation with MONAI's NormalizeIntensity semantics: over all voxels, or only non-zero ones
 * ({@code nonzero}); per channel or over the whole image ({@code channelWise}); population standard deviation, a
 * standard deviation of 0 counts as 1, voxels outside the mask keep their value. Optionally the masked values are
 * first clipped to two percentiles (e.g. 0.5 and 99.5) of the masked values.
 *
 * @param nonzero statistics and normalisation only over voxels that are not 0
 * @param channelWise statistics per channel rather than over all channels together
 * @param clipLow lower clipping percentile, or NaN for no clipping
 * @param clipHigh upper clipping percentile, or NaN for no clipping
 */
public record IntensityNormalization(boolean nonzero, boolean channelWise, double clipLow, double clipHigh)
        implements Normalization {

    public IntensityNormalization {
        if (Double.isNaN(clipLow) != Double.isNaN(clipHigh) || clipLow > clipHigh) {
            throw new IllegalArgumentException("clipping needs both percentiles, low <= high: " + clipLow + ", "
                    + clipHigh);
        }
    }

    /** Z-score without clipping. */
    public static IntensityNormalization zScore(boolean nonzero, boolean channelWise) {
        return new IntensityNormalization(nonzero, channelWise, Double.NaN, Double.NaN);
    }

    /** This normalisation with masked values first clipped to the {@code low} and {@code high} percentiles. */
    public IntensityNormalization withClipping(double low, double high) {
        return new IntensityNormalization(nonzero, channelWise, low, high);
    }

    @Override
    public Volume apply(Volume image) {
        float[] data = image.toArray();
        int block = channelWise ? image.voxelsPerChannel() : data.length;
        for (int start = 0; start < data.length; start += block) {
            normalise(data, start, block);
        }
        return Volume.wrap(image.geometry(), image.channels(), data);
    }

    /** Normalises {@code data[start, start + length)} in place; the mask is tested inline, with no array of it. */
    private void normalise(float[] data, int start, int length) {
        int end = start + length;
        if (!Double.isNaN(clipLow)) {
            clip(data, start, end);
        }
        int count = 0;
        double sum = 0;
        for (int i = start; i < end; i++) {
            if (masked(data[i])) {
                count++;
                sum += data[i];
            }
        }
        if (count == 0) {
            return;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = start; i < end; i++) {
            if (masked(data[i])) {
                double d = data[i] - mean;
                squares += d * d;
            }
        }
        double std = Math.sqrt(squares / count);
        if (std == 0) {
            std = 1;
        }
        for (int i = start; i < end; i++) {
            if (masked(data[i])) {
                data[i] = (float) ((data[i] - mean) / std);
            }
        }
    }

    /** Whether a voxel takes part in the statistics and is normalised: every voxel, or the non-zero ones. */
    private boolean masked(float value) {
        return !nonzero || value != 0;
    }

    /** Clips the masked values of {@code data[start, end)} to the percentiles of those values. */
    private void clip(float[] data, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            count += masked(data[i]) ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        float[] values = new float[count];
        for (int i = start, n = 0; i < end; i++) {
            if (masked(data[i])) {
                values[n++] = data[i];
            }
        }
        double[] bounds = Percentiles.ofSorting(values, count, clipLow, clipHigh);
        for (int i = start; i < end; i++) {
            if (masked(data[i])) {
                data[i] = (float) Math.min(Math.max(data[i], bounds[0]), bounds[1]);
            }
        }
    }
}
