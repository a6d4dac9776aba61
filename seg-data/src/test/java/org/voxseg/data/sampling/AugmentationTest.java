package org.voxseg.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Extent;

class AugmentationTest {

    /** One image channel and labels both holding 1, 2, 3, ... so geometric changes must move them together. */
    private static Patch ramp(int... shape) {
        int voxels = shape[0] * shape[1] * shape[2];
        float[] values = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            values[v] = v + 1;
        }
        return new Patch(Extent.of(shape), 1, values, values.clone());
    }

    private static Patch constant(float value, int... shape) {
        float[] values = new float[shape[0] * shape[1] * shape[2]];
        Arrays.fill(values, value);
        return new Patch(Extent.of(shape), 1, values, new float[values.length]);
    }

    @Test
    void flipReversesOneAxis() {
        Patch flipped = new Flip(1, 1).apply(ramp(2, 3, 1), new Random(0));

        assertArrayEquals(new float[] {5, 6, 3, 4, 1, 2}, flipped.image());
        assertArrayEquals(flipped.image(), flipped.labels());
    }

    @Test
    void probabilityZeroLeavesThePatchAlone() {
        Patch patch = ramp(2, 2, 2);
        assertSame(patch, new Flip(0, 0).apply(patch, new Random(0)));
        assertSame(patch, new Zoom(0, 0.5, 2).apply(patch, new Random(0)));
    }

    @Test
    void quarterTurnsAreRotationsNotReflections() {
        // 2x2 in the x-y plane: (0,0)=1 (1,0)=2 (0,1)=3 (1,1)=4
        List<List<Float>> rotations = List.of(List.of(3f, 1f, 4f, 2f), List.of(4f, 3f, 2f, 1f),
                List.of(2f, 4f, 1f, 3f));
        Random random = new Random(5);
        boolean[] seen = new boolean[3];
        for (int n = 0; n < 30; n++) {
            Patch rotated = new Rotate90(0, 1, 1).apply(ramp(2, 2, 1), random);
            List<Float> values = List.of(rotated.image()[0], rotated.image()[1], rotated.image()[2],
                    rotated.image()[3]);
            assertTrue(rotations.contains(values), values + " is a rotation");
            assertArrayEquals(rotated.image(), rotated.labels());
            seen[rotations.indexOf(values)] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true}, seen, "all three turns occur");
    }

    @Test
    void aNonSquarePlaneOnlyGetsTheHalfTurn() {
        Patch rotated = new Rotate90(0, 1, 1).apply(ramp(3, 2, 1), new Random(1));

        assertArrayEquals(new float[] {6, 5, 4, 3, 2, 1}, rotated.image());
    }

    @Test
    void zoomingOutLeavesZerosAtTheBorder() {
        Patch zoomed = new Zoom(1, 0.5, 0.5).apply(constant(5, 8, 8, 8), new Random(0));

        assertEquals(0, zoomed.image()[0], "corner samples fall outside the patch");
        assertEquals(5, zoomed.image()[3 + 8 * (3 + 8 * 3)], 1e-6, "the centre keeps its value");
    }

    @Test
    void zoomOneIsTheIdentity() {
        Patch patch = ramp(4, 3, 2);
        Patch same = new Zoom(1, 1, 1).apply(patch, new Random(0));

        assertArrayEquals(patch.image(), same.image(), 1e-5f);
        assertArrayEquals(patch.labels(), same.labels());
    }

    @Test
    void intensityChangesLeaveLabelsAlone() {
        Patch patch = ramp(3, 1, 1);
        Random random = new Random(0);

        assertArrayEquals(new float[] {2, 4, 6}, new IntensityAugmentation(IntensityAugmentation.Kind.SCALE, 1, 2, 2)
                .apply(patch, random).image());
        assertArrayEquals(new float[] {0, 1, 2}, new IntensityAugmentation(IntensityAugmentation.Kind.SHIFT, 1, -1, -1)
                .apply(patch, random).image());
        // gamma 2 over the range [1, 3]: ((x - 1) / 2)^2 * 2 + 1
        assertArrayEquals(new float[] {1, 1.5f, 3}, new IntensityAugmentation(IntensityAugmentation.Kind.GAMMA, 1, 2,
                2).apply(patch, random).image(), 1e-6f);
        Patch noisy = new IntensityAugmentation(IntensityAugmentation.Kind.NOISE, 1, 0.1, 0.1).apply(patch, random);
        assertArrayEquals(patch.labels(), noisy.labels());
    }

    @Test
    void noiseHasTheRequestedSpread() {
        Patch noisy = new IntensityAugmentation(IntensityAugmentation.Kind.NOISE, 1, 0.5, 0.5)
                .apply(constant(0, 32, 32, 32), new Random(11));
        double sum = 0;
        double squares = 0;
        for (float v : noisy.image()) {
            sum += v;
            squares += v * v;
        }
        int n = noisy.image().length;
        assertEquals(0, sum / n, 0.01);
        assertEquals(0.5, Math.sqrt(squares / n), 0.01);
    }

    @Test
    void aSeededPipelineAugmentsIdentically() {
        AugmentationPipeline pipeline = new AugmentationPipeline(List.of(new Flip(0, 0.5), new Rotate90(0, 1, 0.5),
                new Zoom(0.5, 0.8, 1.2), new IntensityAugmentation(IntensityAugmentation.Kind.NOISE, 0.5, 0, 0.1)));

        Patch a = pipeline.apply(ramp(6, 6, 4), new Random(99));
        Patch b = pipeline.apply(ramp(6, 6, 4), new Random(99));

        assertArrayEquals(a.image(), b.image());
        assertArrayEquals(a.labels(), b.labels());
    }
}
