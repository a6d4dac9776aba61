package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Test;
import org.voxseg.data.volume.Volume;

class CropTest {

    private final Volume ramp = Volumes.of(new int[] {4, 3, 2}, Volumes.OBLIQUE, (i, j, k) -> i + 10 * j + 100 * k);

    @Test
    void keepsTheBoxAndMovesTheOrigin() {
        Crop crop = new Crop(new int[] {1, 1, 0}, new int[] {2, 2, 2});

        Volume cropped = crop.apply(ramp, Interpolation.LINEAR);

        assertArrayEquals(new float[] {11, 12, 21, 22, 111, 112, 121, 122}, cropped.toArray());
        assertArrayEquals(ramp.geometry().indexToWorld(1, 1, 0).toArray(),
                cropped.geometry().indexToWorld(0, 0, 0).toArray(), 1e-9);
        assertArrayEquals(ramp.geometry().indexToWorld(2, 2, 1).toArray(),
                cropped.geometry().indexToWorld(1, 1, 1).toArray(), 1e-9);
    }

    @Test
    void invertPastesIntoZeros() {
        Crop crop = new Crop(new int[] {1, 1, 0}, new int[] {2, 2, 2});

        Volume back = crop.invert(crop.apply(ramp, Interpolation.LINEAR), ramp.geometry(), Interpolation.NEAREST);

        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 11, 12, 0, 0, 21, 22, 0, 0, 0, 0, 0, 0, 111, 112, 0, 0, 121,
            122, 0}, back.toArray());
    }

    @Test
    void refusesABoxOutsideTheVolume() {
        assertThrows(IllegalArgumentException.class,
                () -> new Crop(new int[] {3, 0, 0}, new int[] {2, 1, 1}).apply(ramp, Interpolation.LINEAR));
    }
}
