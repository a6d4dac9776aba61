package org.voxseg.core.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

@ExtendWith(NdManagerExtension.class)
class SlidingWindowTest {

    /** Not a multiple of the roi anywhere, and smaller than it along z (padded). */
    private static final int[] SHAPE = {20, 13, 7};
    private static final int[] ROI = {8, 8, 8};

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        this.manager = manager;
    }

    private static Volume randomImage(int channels) {
        Random random = new Random(4);
        float[] values = new float[channels * SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int v = 0; v < values.length; v++) {
            values[v] = (float) random.nextGaussian();
        }
        return Volume.wrap(Geometry.of(Extent.of(SHAPE), Affine.diagonal(1, 1, 2)), channels, values);
    }

    @Test
    void identityIsReproducedWithGaussianBlendingAndPadding() {
        Volume image = randomImage(2);

        Volume out = SlidingWindow.gaussian(ROI, 0.5).predict(image, windows -> windows.mul(1), manager);

        assertEquals(image.geometry(), out.geometry());
        assertArrayEquals(image.toArray(), out.toArray(), 1e-5f);
    }

    @Test
    void aPointwiseConvolutionStitchesToItsWholeVolumeOutput() {
        Volume image = randomImage(2);
        NDArray weight = manager.create(new float[] {0.5f, -1, 2, 0.25f, -0.3f, 0.7f}, new Shape(3, 2, 1, 1, 1));
        NDArray bias = manager.create(new float[] {0.1f, 0.2f, -0.3f});
        Predictor conv = windows -> Conv3d.conv3d(windows, weight, bias, new Shape(1, 1, 1), new Shape(0, 0, 0),
                new Shape(1, 1, 1), 1).singletonOrThrow();
        NDArray whole = conv.predict(manager.create(image.toArray(), new Shape(1, 2, SHAPE[2], SHAPE[1], SHAPE[0])));

        for (int batch : new int[] {1, 4}) {
            for (boolean gaussian : new boolean[] {true, false}) {
                Volume out = new SlidingWindow(ROI, 0.25, batch, gaussian, 0.125).predict(image, conv, manager);
                assertEquals(3, out.channels());
                assertArrayEquals(whole.toFloatArray(), out.toArray(), 1e-5f, "batch " + batch + ", gaussian "
                        + gaussian);
            }
        }
    }

    @Test
    void progressCountsWindows() {
        List<Integer> done = new ArrayList<>();
        new SlidingWindow(ROI, 0.5, 4, true, 0.125).predict(randomImage(1), w -> w.mul(1), manager,
                done::add);

        int windows = new WindowPlan(SHAPE, ROI, 0.5).windows().size();
        assertEquals(windows, done.get(done.size() - 1));
        assertEquals((windows + 3) / 4, done.size());
    }

    @Test
    void mirroringAveragesTheFlippedPredictions() {
        // A predictor that adds the x index within the window: mirroring x averages it to (n - 1) / 2.
        float[] ramp = new float[8 * 8 * 8];
        for (int v = 0; v < ramp.length; v++) {
            ramp[v] = v % 8;
        }
        NDArray offsets = manager.create(ramp, new Shape(1, 1, 8, 8, 8));
        Predictor biased = windows -> windows.add(offsets);
        Volume image = randomImage(1);
        List<int[]> xOnly = List.of(new int[0], new int[] {4});

        Volume out = new SlidingWindow(ROI, 0.5, 1, false, 0.125).predict(image,
                new MirroredPredictor(biased, xOnly), manager);

        float[] expected = image.toArray();
        for (int v = 0; v < expected.length; v++) {
            expected[v] += 3.5f;
        }
        assertArrayEquals(expected, out.toArray(), 1e-5f);
        assertEquals(8, MirrorAxes.ALL.flips().size());
        assertArrayEquals(new int[] {4, 3, 2}, MirrorAxes.ALL.flips().get(7));
        assertArrayEquals(new int[0], MirrorAxes.ALL.flips().get(0));
        List<int[]> leftRight = MirrorAxes.parse("x").flips();
        assertEquals(2, leftRight.size());
        assertArrayEquals(new int[] {4}, leftRight.get(1));
        assertEquals(List.of("[]", "[4]", "[2]", "[4, 2]"), MirrorAxes.parse("z, x").flips().stream()
                .map(Arrays::toString).toList());
        assertThrows(IllegalArgumentException.class, () -> MirrorAxes.parse("x,w"));
    }

    @Test
    void anEnsembleAveragesItsMembers() {
        Predictor ensemble = new EnsemblePredictor(List.of(w -> w.mul(2), w -> w.mul(4)));

        Volume out = SlidingWindow.gaussian(ROI, 0.5).predict(randomImage(1), ensemble, manager);

        float[] expected = randomImage(1).toArray();
        for (int v = 0; v < expected.length; v++) {
            expected[v] *= 3;
        }
        assertArrayEquals(expected, out.toArray(), 1e-5f);
    }

    @Test
    void aWindowTooLargeToHoldIsRefusedInWords() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SlidingWindow(new int[] {4000, 4000, 4000}, 0.5, 1, true, 0.125));

        assertTrue(error.getMessage().startsWith("a window of [4000, 4000, 4000] voxels"), error.getMessage());
    }
}
