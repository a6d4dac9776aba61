package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.volume.Volume;

class ResampleTest {

    @Test
    void linearMatchesPytorchAlignCornersFalse() {
        // torch.nn.functional.interpolate([0, 10], size=4, mode="linear", align_corners=False) = [0, 2.5, 7.5, 10]
        Volume two = Volumes.of(new int[] {2, 1, 1}, Affine.identity(), (i, j, k) -> 10 * i);
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10},
                new Resample(new int[] {4, 1, 1}).apply(two, Interpolation.LINEAR).toArray());

        // ... and [0, 1, 2, 3] to size 2 = [0.5, 2.5]
        Volume four = Volumes.of(new int[] {4, 1, 1}, Affine.identity(), (i, j, k) -> i);
        assertArrayEquals(new float[] {0.5f, 2.5f},
                new Resample(new int[] {2, 1, 1}).apply(four, Interpolation.LINEAR).toArray());
    }

    @Test
    void nearestPicksTheVoxelHoldingTheSamplePoint() {
        Volume four = Volumes.of(new int[] {4, 1, 3}, Affine.identity(), (i, j, k) -> i + 10 * k);

        assertArrayEquals(new float[] {1, 3, 21, 23},
                new Resample(new int[] {2, 1, 2}).apply(four, Interpolation.NEAREST).toArray());
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3},
                new Resample(new int[] {8, 1, 1}).apply(Volumes.of(new int[] {4, 1, 1}, Affine.identity(),
                        (i, j, k) -> i), Interpolation.NEAREST).toArray());
    }

    @Test
    void voxelsKeepTheirWorldPosition() {
        // A field linear in world coordinates, sampled on an oblique grid: trilinear resampling reproduces it
        // exactly at every new voxel whose sample point is inside the old grid, if the new geometry is right.
        Geometry grid = Geometry.of(new Extent(12, 10, 8), Volumes.OBLIQUE);
        Volume field = Volumes.of(grid.shape().toArray(), Volumes.OBLIQUE, (i, j, k) -> world(grid, i, j, k));
        Resample resample = new Resample(new int[] {17, 7, 13});

        Volume resampled = resample.apply(field, Interpolation.LINEAR);

        Geometry g = resampled.geometry();
        int checked = 0;
        for (int k = 1; k < 12; k++) {
            for (int j = 1; j < 6; j++) {
                for (int i = 1; i < 16; i++) {
                    double[] world = g.indexToWorld(i, j, k).toArray();
                    assertEquals(0.3 * world[0] - 0.2 * world[1] + 0.5 * world[2], resampled.get(0, i, j, k), 1e-3);
                    checked++;
                }
            }
        }
        assertEquals(825, checked);
        assertArrayEquals(new double[] {2 * 12 / 17.0, Math.hypot(1.973711, 0.323208) * 10 / 7.0,
            Math.hypot(0.355528, 2.171082) * 8 / 13.0}, g.spacing().toArray(), 1e-9);
    }

    private static float world(Geometry grid, int i, int j, int k) {
        double[] w = grid.indexToWorld(i, j, k).toArray();
        return (float) (0.3 * w[0] - 0.2 * w[1] + 0.5 * w[2]);
    }

    @Test
    void toSpacingKeepsTheFieldOfView() {
        Geometry brats = Geometry.of(new Extent(240, 240, 155), Affine.diagonal(-1, -1, 1));

        Resample resample = Resample.toSpacing(brats, Spacing.of(new double[] {2, 1.5, 1}));

        assertArrayEquals(new int[] {120, 160, 155}, resample.shape().toArray());
        assertArrayEquals(new double[] {2, 1.5, 1}, resample.map(brats).spacing().toArray(), 1e-12);
    }

    @Test
    void sameShapeIsTheIdentity() {
        Volume labels = Volumes.of(new int[] {5, 4, 3}, Volumes.OBLIQUE, (i, j, k) -> (i * j + k) % 5);
        Resample same = new Resample(new int[] {5, 4, 3});

        Volume out = same.apply(labels, Interpolation.LINEAR);

        assertArrayEquals(labels.toArray(), out.toArray());
        assertEquals(labels.geometry().affine(), out.geometry().affine());
    }
}
