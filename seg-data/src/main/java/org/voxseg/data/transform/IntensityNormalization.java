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
public record IntensityNormalization(boolean nonzero, boolean channelWise, double clipLow, double clipHigh) {

    /**
     * The normalisations a config names (values {@code zscore_nonzero}, MONAI's {@code nonzero=True};
     * {@code zscore}; {@code none}).
     */
    public enum Kind {
        ZSCORE_NONZERO,
        ZSCORE,
        NONE
    }

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

    /** The normalised volume. */
    public Volume apply(Volume image) {
        float[] data = image.toArray();
        int block = channelWise ? image.voxelsPerChannel() : data.length;
        for (int start = 0; start < data.length; start += block) {
            normalise(data, start, block);
        }
        return Volume.wrap(image.geometry(), image.channels(), data);
    }

    private void normalise(float[] data, int start, int length) {
        boolean[] mask = new boolean[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            mask[i] = !nonzero || data[start + i] != 0;
            count += mask[i] ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        if (!Double.isNaN(clipLow)) {
            clip(data, start, mask, count);
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += mask[i] ? data[start + i] : 0;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < length; i++) {
            if (mask[i]) {
                double d = data[start + i] - mean;
                squares += d * d;
            }
        }
        double std = Math.sqrt(squares / count);
        if (std == 0) {
            std = 1;
        }
        for (int i = 0; i < length; i++) {
            if (mask[i]) {
                data[start + i] = (float) ((data[start + i] - mean) / std);
            }
        }
    }

    private void clip(float[] data, int start, boolean[] mask, int count) {
        float[] masked = new float[count];
        for (int i = 0, n = 0; i < mask.length; i++) {
            if (mask[i]) {
                masked[n++] = data[start + i];
            }
        }
        double[] bounds = Percentiles.ofSorting(masked, count, clipLow, clipHigh);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                data[start + i] = (float) Math.min(Math.max(data[start + i], bounds[0]), bounds[1]);
            }
        }
    }
}
