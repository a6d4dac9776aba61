package org.voxseg.core.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * The sliding window pads a small image with zeros or, as MONAI's {@code padding_mode="replicate"}, with its edge
 * voxels repeated. Vectors computed with PyTorch 1.13's {@code F.pad} and MONAI 1.4's padding rule.
 */
@ExtendWith(NdManagerExtension.class)
class WindowPaddingTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        this.manager = manager;
    }

    /** F.pad(x, [1, 1, 0, 1, 1, 0], mode="replicate") of the 2 x 2 x 1 image 1, 2, 3, 4 (x fastest). */
    @Test
    void replicatePadsAsTorchPads() {
        float[] padded = WindowPadding.REPLICATE.pad(FloatBuffer.wrap(new float[] {1, 2, 3, 4}), new int[] {2, 2, 1},
                1, new int[] {3, 3, 3}, new int[] {1, 0, 1});

        float[] slice = {1, 1, 2, 3, 3, 4, 3, 3, 4};
        float[] expected = new float[27];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(slice, 0, expected, 9 * k, 9);
        }
        assertArrayEquals(expected, padded);
        float[] zeros = WindowPadding.CONSTANT.pad(FloatBuffer.wrap(new float[] {1, 2, 3, 4}), new int[] {2, 2, 1},
                1, new int[] {3, 3, 3}, new int[] {1, 0, 1});
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                zeros);
    }

    /**
     * A 6 x 3 x 2 image of 1 + x + 10 y + 100 z, windows of 4^3 with overlap 0.5 and constant weights (two windows
     * along x; y padded 0 before and 1 after, z 1 and 1), each window predicting its own mean: MONAI's
     * sliding_window_inference gives 23.4375, 23.8125, 24.1875 along x with padding_mode constant and 65, 66, 67 with
     * replicate, the same for every y and z.
     */
    @Test
    void aWindowsMeanSeesTheRepeatedEdges() {
        int[] shape = {6, 3, 2};
        float[] values = new float[36];
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 6; x++) {
                    values[x + 6 * (y + 3 * z)] = 1 + x + 10 * y + 100 * z;
                }
            }
        }
        Volume image = Volume.wrap(Geometry.of(Extent.of(shape), Affine.diagonal(1, 1, 1)), 1, values);
        Predictor mean = windows -> windows.zerosLike().add(windows.mean(new int[] {4}, true).mean(new int[] {3}, true)
                .mean(new int[] {2}, true));

        assertArrayEquals(alongX(23.4375f, 23.8125f, 24.1875f), inferred(image, mean, WindowPadding.CONSTANT), 1e-4f);
        assertArrayEquals(alongX(65, 66, 67), inferred(image, mean, WindowPadding.REPLICATE), 1e-4f);
    }

    private float[] inferred(Volume image, Predictor predictor, WindowPadding padding) {
        return new SlidingWindow(Extent.of(new int[] {4, 4, 4}), 0.5, 1, false, 0.125, padding)
                .predict(image, predictor, manager).toArray();
    }

    /** Pairs of x with {@code a}, {@code b}, {@code c}, repeated over the 3 x 2 rows. */
    private static float[] alongX(float a, float b, float c) {
        float[] out = new float[36];
        for (int row = 0; row < 6; row++) {
            float[] line = {a, a, b, b, c, c};
            System.arraycopy(line, 0, out, 6 * row, 6);
        }
        return out;
    }
}
