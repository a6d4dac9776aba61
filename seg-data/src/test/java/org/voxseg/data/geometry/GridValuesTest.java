package org.voxseg.data.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;
import org.voxseg.data.transform.Crop;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.Pad;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Resample;

/** The 3-D value types, and the records holding them comparing by value without hand-written equals. */
class GridValuesTest {

    @Test
    void valuesAreEqualByValue() {
        assertEquals(new Extent(1, 2, 3), Extent.of(new int[] {1, 2, 3}));
        assertEquals(new Extent(1, 2, 3).hashCode(), Extent.of(new int[] {1, 2, 3}).hashCode());
        assertNotEquals(new Extent(1, 2, 3), new Extent(3, 2, 1));
        assertEquals(new Spacing(1, 1, 1.5), Spacing.of(new double[] {1, 1, 1.5}));
        assertEquals(Box.of(new int[] {0, 1, 2}, new int[] {4, 4, 4}), new Box(new Extent(0, 1, 2), Extent.cube(4)));
        assertEquals("[1, 2, 3]", new Extent(1, 2, 3).toString(), "prints like Arrays.toString, as cache keys did");
        assertEquals("[1.0, 1.0, 1.5]", new Spacing(1, 1, 1.5).toString());
    }

    @Test
    void valuesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Extent(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Extent.of(new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Spacing(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spacing(1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Box(Extent.cube(0), new Extent(1, 0, 1)));
        assertTrue(Box.of(new int[] {1, 1, 1}, new int[] {2, 2, 2}).fitsIn(Extent.cube(3)));
        assertFalse(Box.of(new int[] {2, 1, 1}, new int[] {2, 2, 2}).fitsIn(Extent.cube(3)));
    }

    @Test
    void gridStepsAreEqualByValue() {
        assertEquals(new Crop(new int[] {1, 2, 3}, new int[] {4, 5, 6}), new Crop(new Extent(1, 2, 3),
                new Extent(4, 5, 6)));
        assertEquals(new Pad(new int[] {0, 1, 0}, new int[] {1, 1, 0}).hashCode(),
                new Pad(new int[] {0, 1, 0}, new int[] {1, 1, 0}).hashCode());
        assertNotEquals(new Pad(new int[] {0, 1, 0}, new int[] {1, 1, 0}), new Pad(new int[] {1, 1, 0},
                new int[] {0, 1, 0}));
        assertEquals(new Resample(new int[] {8, 8, 4}), new Resample(new Extent(8, 8, 4)));
        assertEquals("Crop[start=[1, 2, 3], size=[4, 5, 6]]", new Crop(new int[] {1, 2, 3},
                new int[] {4, 5, 6}).toString());
    }

    @Test
    void preprocessingSettingsAreEqualByValue() {
        PreprocessingSettings a = PreprocessingSettings.builder().foregroundCrop(ForegroundCrop.above(0, 2))
                .targetSpacing(new double[] {1, 1, 1.5}).normalization(IntensityNormalization.zScore(true, true))
                .padding(new int[] {16, 16, 16}, 8).build();
        PreprocessingSettings b = PreprocessingSettings.builder().foregroundCrop(ForegroundCrop.above(0, 2))
                .targetSpacing(new Spacing(1, 1, 1.5)).normalization(IntensityNormalization.zScore(true, true))
                .padding(Extent.cube(16), 8).build();

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, PreprocessingSettings.builder().padding(Extent.cube(16), 8).build());
        assertEquals(a.toString(), b.toString());
    }
}
