package org.voxseg.data.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;

class VolumeTest {

    private static final Geometry GRID = Geometry.of(new Extent(2, 3, 4), Affine.identity());

    private static Volume ramp(int channels) {
        float[] data = new float[channels * 24];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return Volume.wrap(GRID, channels, data);
    }

    @Test
    void indexesInNiftiFileOrder() {
        Volume volume = ramp(2);

        assertEquals(1 + 2 * (2 + 3 * 3), volume.get(0, 1, 2, 3));
        assertEquals(24 + 1 + 2 * (2 + 3 * 3), volume.get(1, 1, 2, 3));
    }

    @Test
    void channelViewsAreReadOnlySlices() {
        FloatBuffer second = ramp(2).channel(1);

        assertEquals(24, second.remaining());
        assertEquals(24f, second.get(0));
        assertTrue(second.isReadOnly());
        assertThrows(ReadOnlyBufferException.class, () -> second.put(0, 1f));
    }

    @Test
    void copiesDoNotShareStorage() {
        Volume volume = ramp(1);
        float[] copy = volume.toArray();
        copy[0] = 99;

        assertEquals(0f, volume.get(0, 0, 0, 0));
    }

    @Test
    void aViewReadsItsBufferFromItsPositionWithoutACopy() {
        FloatBuffer buffer = FloatBuffer.allocate(3 + 48);
        for (int i = 0; i < 48; i++) {
            buffer.put(3 + i, i);
        }
        Volume view = Volume.view(GRID, 2, buffer.position(3));
        buffer.put(3 + 5, -1f);

        assertEquals(-1f, view.get(0, 1, 2, 0), "the view shares the buffer's values");
        assertEquals(24 + 1 + 2 * (2 + 3 * 3), view.get(1, 1, 2, 3));
        assertEquals(24f, view.channel(1).get(0));
        assertEquals(48, view.toArray().length);
        assertTrue(view.data().isReadOnly());
    }

    @Test
    void refusesDataOfTheWrongLength() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Volume.wrap(GRID, 2, new float[24]));
        assertEquals("data holds 24 values, 2 channels of 2x3x4 need 48", error.getMessage());
    }
}
