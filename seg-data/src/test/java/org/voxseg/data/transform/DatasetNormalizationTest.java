package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetNormalizationTest {

    @Test
    void everyVoxelIsClippedToTheBoundsThenScaledByTheTrainingStatisticsOfItsChannel() {
        DatasetNormalization ct = new DatasetNormalization(List.of(new ChannelIntensities(40, 20, -100, 200),
                new ChannelIntensities(0, 2, -1, 1)));

        // channel 0: -1000 HU (air) clips to -100, 500 to 200; channel 1: its own numbers
        float[] out = ct.apply(RowVolumes.of(2, -1000, 40, 500, -5, 0.5f, 5)).toArray();

        assertArrayEquals(new float[] {-7, 0, 8, -0.5f, 0.25f, 0.5f}, out, 1e-6f);
    }

    @Test
    void aZeroStandardDeviationDividesByATinyNumberAsNnUnetDoes() {
        DatasetNormalization constant = new DatasetNormalization(List.of(new ChannelIntensities(1, 0, 0, 2)));

        float[] out = constant.apply(RowVolumes.of(1, 1, 2)).toArray();

        assertArrayEquals(new float[] {0, 1e8f}, out, 1);
    }

    @Test
    void anImageWithAnotherChannelCountIsRefused() {
        DatasetNormalization ct = new DatasetNormalization(List.of(new ChannelIntensities(0, 1, -1, 1)));

        assertThrows(IllegalArgumentException.class, () -> ct.apply(RowVolumes.of(2, 0, 0)));
    }
}
