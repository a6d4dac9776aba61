package org.voxseg.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.IntBuffer;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.LabelVolume;
import org.voxseg.data.volume.Volume;

class ForegroundLocationsTest {

    private static final Geometry GRID = Geometry.of(new Extent(4, 3, 2), Affine.identity());

    @Test
    void listsEachValuesVoxelsInFileOrder() {
        float[] labels = new float[GRID.voxelCount()];
        labels[20] = 4;
        labels[3] = 1;
        labels[7] = 4;
        labels[11] = 1;
        labels[2] = 4;

        ForegroundLocations foreground = ForegroundLocations.of(LabelVolume.of(Volume.wrap(GRID, 1, labels)));

        assertArrayEquals(new int[] {1, 4}, foreground.values());
        assertArrayEquals(new int[] {2, 3}, foreground.counts());
        assertArrayEquals(new int[] {3, 11}, ints(foreground.locations(0)));
        assertArrayEquals(new int[] {2, 7, 20}, ints(foreground.locations(1)));
        assertEquals(20, foreground.location(1, 2));
    }

    @Test
    void aBackgroundOnlyMapHasNoForeground() {
        ForegroundLocations foreground = ForegroundLocations.of(LabelVolume.of(Volume.wrap(GRID, 1,
                new float[GRID.voxelCount()])));

        assertTrue(foreground.isEmpty());
        assertEquals(0, foreground.values().length);
    }

    @Test
    void aViewSplitsOneBufferByTheCounts() {
        IntBuffer all = IntBuffer.wrap(new int[] {99, 3, 11, 2, 7, 20}).position(1);

        ForegroundLocations view = ForegroundLocations.view(new int[] {1, 4}, new int[] {2, 3}, all);

        assertArrayEquals(new int[] {3, 11}, ints(view.locations(0)));
        assertArrayEquals(new int[] {2, 7, 20}, ints(view.locations(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ForegroundLocations.view(new int[] {1, 4}, new int[] {2, 4}, all));
        assertThrows(IllegalArgumentException.class,
                () -> ForegroundLocations.view(new int[] {4, 1}, new int[] {2, 3}, all));
    }

    private static int[] ints(IntBuffer values) {
        int[] out = new int[values.remaining()];
        values.get(out);
        return out;
    }
}
