package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.voxseg.data.volume.Volume;

class IntensityNormalizationTest {

    @Test
    void nonzeroUsesOnlyNonzeroVoxelsAndLeavesZerosAlone() {
        // mask {1, 2, 3}: mean 2, population std sqrt(2/3)
        float[] out = IntensityNormalization.zScore(true, true).apply(RowVolumes.of(1, 0, 1, 2, 3)).toArray();

        assertArrayEquals(new float[] {0, -1.2247449f, 0, 1.2247449f}, out, 1e-6f);
    }

    @Test
    void allVoxelsWhenNotNonzero() {
        // mean 1.5, population std sqrt(1.25)
        float[] out = IntensityNormalization.zScore(false, true).apply(RowVolumes.of(1, 0, 1, 2, 3)).toArray();

        assertArrayEquals(new float[] {-1.3416408f, -0.4472136f, 0.4472136f, 1.3416408f}, out, 1e-6f);
    }

    @Test
    void channelWiseAgainstWholeImage() {
        Volume two = RowVolumes.of(2, 1, 3, 11, 13);

        assertArrayEquals(new float[] {-1, 1, -1, 1},
                IntensityNormalization.zScore(false, true).apply(two).toArray(), 1e-6f);
        // whole image: mean 7, std sqrt((36 + 16 + 16 + 36) / 4) = sqrt(26)
        float s = (float) Math.sqrt(26);
        assertArrayEquals(new float[] {-6 / s, -4 / s, 4 / s, 6 / s},
                IntensityNormalization.zScore(false, false).apply(two).toArray(), 1e-6f);
    }

    @Test
    void constantChannelHasStdOne() {
        assertArrayEquals(new float[] {0, 0, 0}, IntensityNormalization.zScore(false, true)
                .apply(RowVolumes.of(1, 5, 5, 5)).toArray());
    }

    @Test
    void clippingToPercentilesComesFirst() {
        // percentiles 0 and 50 of {1, 2, 3, 10} are 1 and 2.5: values become {1, 2, 2.5, 2.5}, mean 2,
        // std sqrt((1 + 0 + 0.25 + 0.25) / 4)
        float[] out = IntensityNormalization.zScore(true, true).withClipping(0, 50)
                .apply(RowVolumes.of(1, 0, 1, 2, 3, 10)).toArray();

        float s = (float) Math.sqrt(1.5 / 4);
        assertArrayEquals(new float[] {0, -1 / s, 0, 0.5f / s, 0.5f / s}, out, 1e-6f);
    }
}
