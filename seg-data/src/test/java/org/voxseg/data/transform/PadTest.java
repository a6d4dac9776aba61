package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;
import org.voxseg.data.volume.Volume;

class PadTest {

    @Test
    void fitsMinimumShapeAndDivisorSymmetrically() {
        Pad pad = Pad.toFit(new int[] {5, 16, 30}, new int[] {4, 20, 1}, 8);

        assertArrayEquals(new int[] {1, 4, 1}, pad.before().toArray());
        assertArrayEquals(new int[] {2, 4, 1}, pad.after().toArray());
        assertTrue(Pad.toFit(new int[] {16, 32, 8}, new int[] {8, 8, 8}, 8).isEmpty());
    }

    @Test
    void padsWithZerosAndInvertsExactly() {
        Volume line = Volumes.of(new int[] {3, 1, 1}, Volumes.OBLIQUE, (i, j, k) -> i + 1);
        Pad pad = new Pad(new int[] {1, 0, 0}, new int[] {2, 1, 0});

        Volume padded = pad.apply(line, Interpolation.LINEAR);

        assertArrayEquals(new int[] {6, 2, 1}, padded.geometry().shape().toArray());
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0}, padded.toArray());
        assertArrayEquals(line.geometry().indexToWorld(0, 0, 0).toArray(),
                padded.geometry().indexToWorld(1, 0, 0).toArray(), 1e-9);
        assertArrayEquals(line.toArray(), pad.invert(padded, line.geometry(), Interpolation.NEAREST).toArray());
    }
}
