package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class IntensityScalingTest {

    private static Volume row(float... values) {
        return Volume.wrap(Geometry.of(new Extent(values.length, 1, 1), Affine.identity()), 1, values);
    }

    @Test
    void mapsTheRangeLinearlyAsMonaisScaleIntensityRange() {
        float[] out = new IntensityScaling(-57, 164, 0, 1, false).apply(row(-57, 164, 53.5f, 300)).toArray();

        assertArrayEquals(new float[] {0, 1, 0.5f, 1.6153846f}, out, 1e-6f);
    }

    @Test
    void clipsToTheTargetRangeWhenAsked() {
        float[] out = new IntensityScaling(-57, 164, 0, 1, true).apply(row(-100, 53.5f, 300)).toArray();

        assertArrayEquals(new float[] {0, 0.5f, 1}, out, 1e-6f);
    }

    @Test
    void anEmptySourceRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IntensityScaling(5, 5, 0, 1, false));
    }
}
