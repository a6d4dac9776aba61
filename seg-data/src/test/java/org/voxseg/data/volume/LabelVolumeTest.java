package org.voxseg.data.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;

class LabelVolumeTest {

    private static final Geometry GRID = Geometry.of(new Extent(4, 3, 2), Affine.identity());

    private static Volume labels(float... nonZero) {
        float[] values = new float[GRID.voxelCount()];
        System.arraycopy(nonZero, 0, values, 0, nonZero.length);
        return Volume.wrap(GRID, 1, values);
    }

    @Test
    void storesLabelsInTheSmallestTypeAndReadsThemBack() {
        Volume brats = labels(0, 1, 2, 4);
        Volume large = labels(0, 300, -2);
        Volume huge = labels(70000, 0, -70000);

        for (Volume volume : new Volume[] {brats, large, huge}) {
            LabelVolume stored = LabelVolume.of(volume);
            assertArrayEquals(volume.toArray(), stored.toVolume().toArray());
            assertEquals(GRID, stored.geometry());
        }
        assertEquals(LabelType.UINT8, LabelVolume.of(brats).type());
        assertEquals(LabelType.INT16, LabelVolume.of(large).type());
        assertEquals(LabelType.INT32, LabelVolume.of(huge).type());
        assertEquals(-70000, LabelVolume.of(huge).get(2));
        assertEquals(24, LabelVolume.of(brats).data().remaining(), "one byte per voxel");
    }

    @Test
    void refusesValuesThatAreNotWholeNumbers() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LabelVolume.of(labels(0, 1, 1.5f)));
        assertEquals("label map value 1.5 at voxel 2 is not a whole number: label maps hold integer labels",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelVolume.of(labels(Float.NaN)));
        assertThrows(IllegalArgumentException.class, () -> LabelVolume.of(labels(3e9f)));
    }

    @Test
    void refusesMoreThanOneChannel() {
        assertThrows(IllegalArgumentException.class,
                () -> LabelVolume.of(Volume.wrap(GRID, 2, new float[48])));
    }

    @Test
    void copiesABoxAsFloatsLikeBoxesDoes() {
        float[] values = new float[GRID.voxelCount()];
        for (int v = 0; v < values.length; v++) {
            values[v] = v * 10;
        }
        Volume volume = Volume.wrap(GRID, 1, values);
        int[] start = {1, 1, 0};
        int[] size = {2, 2, 2};
        int[] dstShape = {3, 2, 2};
        int[] dstStart = {1, 0, 0};
        float[] expected = new float[12];
        float[] actual = new float[12];

        Boxes.copy(volume.data(), GRID.shape().toArray(), start, expected, dstShape, dstStart, size, 1);
        LabelVolume.of(volume).copy(start, actual, dstShape, dstStart, size);

        assertArrayEquals(expected, actual);
        assertEquals(50f, actual[1], "voxel (1, 1, 0) lands at (1, 0, 0)");
    }

    @Test
    void aViewReadsLittleEndianValuesInPlace() {
        ByteBuffer bytes = ByteBuffer.allocate(2 * GRID.voxelCount()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putShort(2 * 5, (short) 300);

        LabelVolume view = LabelVolume.view(GRID, LabelType.INT16, bytes);

        assertEquals(300, view.get(5));
        assertEquals(0, view.get(4));
        assertTrue(view.data().isReadOnly());
        FloatBuffer asFloats = view.toVolume().data();
        assertEquals(300f, asFloats.get(5));
        assertThrows(IllegalArgumentException.class, () -> LabelVolume.view(GRID, LabelType.INT32, bytes));
    }
}
