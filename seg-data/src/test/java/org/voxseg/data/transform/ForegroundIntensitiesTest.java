package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class ForegroundIntensitiesTest {

    private static final Geometry GRID = Geometry.of(new Extent(4, 3, 2), Affine.identity());

    /** A two-channel image: channel 0 holds {@code inside} on the foreground and -1000 elsewhere, channel 1 twice. */
    private static Volume image(float inside, Volume labels) {
        float[] data = new float[2 * GRID.voxelCount()];
        for (int i = 0; i < GRID.voxelCount(); i++) {
            data[i] = labels.data().get(i) > 0 ? inside : -1000;
            data[GRID.voxelCount() + i] = 2 * data[i];
        }
        return Volume.wrap(GRID, 2, data);
    }

    private static Volume labels(int... foreground) {
        float[] data = new float[GRID.voxelCount()];
        for (int i : foreground) {
            data[i] = i % 2 + 1;
        }
        return Volume.wrap(GRID, 1, data);
    }

    @Test
    void samplesComeOnlyFromTheForegroundAndTheSameDrawEachTime() {
        Volume labels = labels(3, 4, 17);
        float[] ramp = new float[2 * GRID.voxelCount()];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        Volume image = Volume.wrap(GRID, 2, ramp);

        float[][] samples = ForegroundIntensities.sample(image, labels);

        assertEquals(ForegroundIntensities.SAMPLES_PER_CASE, samples[0].length);
        int[] counts = new int[GRID.voxelCount()];
        for (int n = 0; n < samples[0].length; n++) {
            int voxel = (int) samples[0][n];
            counts[voxel]++;
            assertEquals(voxel + GRID.voxelCount(), samples[1][n], "both channels are drawn at the same voxel");
        }
        for (int voxel = 0; voxel < counts.length; voxel++) {
            boolean foreground = voxel == 3 || voxel == 4 || voxel == 17;
            assertEquals(foreground, counts[voxel] > 3000, "voxel " + voxel + " drawn " + counts[voxel] + " times");
        }
        assertArrayEquals(samples[0], ForegroundIntensities.sample(image, labels)[0]);
    }

    @Test
    void statisticsPoolAllCasesAndIgnoreTheBackground() {
        ForegroundIntensities intensities = new ForegroundIntensities(2);
        Volume first = labels(0, 5);
        Volume second = labels(7, 8, 9, 10);
        intensities.add(ForegroundIntensities.sample(image(100, first), first));
        intensities.add(ForegroundIntensities.sample(image(300, second), second));

        List<ChannelIntensities> statistics = intensities.statistics();

        // half the samples at 100 and half at 300, whatever the cases' foreground sizes; the -1000 around never
        assertEquals(new ChannelIntensities(200, 100, 100, 300), statistics.get(0));
        assertEquals(new ChannelIntensities(400, 200, 200, 600), statistics.get(1));
    }

    @Test
    void aCaseWithoutForegroundAddsNothingAndNoForegroundAtAllIsRefused() {
        ForegroundIntensities intensities = new ForegroundIntensities(2);
        Volume empty = labels();
        float[][] samples = ForegroundIntensities.sample(image(1, empty), empty);
        intensities.add(samples);

        assertEquals(0, samples[0].length);
        assertFalse(intensities.hasForeground());
        assertThrows(IllegalStateException.class, intensities::statistics);
        Volume some = labels(1);
        intensities.add(ForegroundIntensities.sample(image(7, some), some));
        assertTrue(intensities.hasForeground());
        assertEquals(new ChannelIntensities(7, 0, 7, 7), intensities.statistics().get(0));
    }

    @Test
    void samplesOfAnotherChannelCountAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ForegroundIntensities(1).add(new float[2][0]));
    }
}
