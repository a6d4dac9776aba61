package org.voxseg.data.transform;

import java.nio.FloatBuffer;
import org.voxseg.data.volume.Percentiles;
import org.voxseg.data.volume.Volume;

/**
 * Finds the bounding box of the foreground, voxels above a threshold in any channel, plus a margin: the box that
 * foreground cropping keeps. The threshold is a value, or a percentile of each channel (3DUnetCNN uses the 10th).
 *
 * @param threshold the value, or the percentile (0 to 100) when {@code percentile} is true
 * @param percentile whether {@code threshold} is a percentile of each channel's values
 * @param margin voxels added on every side of the box, within the volume
 */
public record ForegroundCrop(double threshold, boolean percentile, int margin) {

    public ForegroundCrop {
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        if (percentile && !(threshold >= 0 && threshold <= 100)) {
            throw new IllegalArgumentException("percentile must be 0 to 100: " + threshold);
        }
    }

    /** Foreground = voxels above {@code value} (0 for skull-stripped MRI). */
    public static ForegroundCrop above(double value, int margin) {
        return new ForegroundCrop(value, false, margin);
    }

    /** Foreground = voxels above each channel's {@code percentile}. */
    public static ForegroundCrop abovePercentile(double percentile, int margin) {
        return new ForegroundCrop(percentile, true, margin);
    }

    /** The crop keeping the foreground of {@code image} plus the margin; the whole volume if nothing is above. */
    public Crop boxOf(Volume image) {
        int[] shape = image.geometry().shape().toArray();
        int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] high = {-1, -1, -1};
        for (int c = 0; c < image.channels(); c++) {
            FloatBuffer channel = image.channel(c);
            double limit = percentile ? percentileOf(channel) : threshold;
            int at = 0;
            for (int k = 0; k < shape[2]; k++) {
                for (int j = 0; j < shape[1]; j++) {
                    for (int i = 0; i < shape[0]; i++, at++) {
                        if (channel.get(at) > limit) {
                            include(low, high, i, j, k);
                        }
                    }
                }
            }
        }
        if (high[0] < 0) {
            return new Crop(new int[3], shape);
        }
        int[] start = new int[3];
        int[] size = new int[3];
        for (int d = 0; d < 3; d++) {
            start[d] = Math.max(0, low[d] - margin);
            size[d] = Math.min(shape[d] - 1, high[d] + margin) - start[d] + 1;
        }
        return new Crop(start, size);
    }

    private double percentileOf(FloatBuffer channel) {
        float[] values = new float[channel.remaining()];
        channel.get(0, values);
        return Percentiles.ofSorting(values, values.length, threshold)[0];
    }

    private static void include(int[] low, int[] high, int i, int j, int k) {
        low[0] = Math.min(low[0], i);
        low[1] = Math.min(low[1], j);
        low[2] = Math.min(low[2], k);
        high[0] = Math.max(high[0], i);
        high[1] = Math.max(high[1], j);
        high[2] = Math.max(high[2], k);
    }
}
