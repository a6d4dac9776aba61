package org.voxseg.data.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class PostprocessingTest {

    private static final int[] SHAPE = {5, 4, 3};

    private static float[] empty() {
        return new float[60];
    }

    private static int at(int x, int y, int z) {
        return x + 5 * (y + 4 * z);
    }

    private static Volume volume(float[] values) {
        return Volume.wrap(Geometry.of(SHAPE, Affine.identity()), 1, values);
    }

    @Test
    void connectivityDecidesWhetherDiagonalVoxelsTouch() {
        boolean[] mask = new boolean[60];
        mask[at(1, 1, 1)] = true;
        mask[at(2, 2, 2)] = true;
        mask[at(4, 0, 0)] = true;

        assertEquals(3, ConnectedComponents.of(mask, SHAPE, ConnectedComponents.Connectivity.FACES).count());
        ConnectedComponents full = ConnectedComponents.of(mask, SHAPE, ConnectedComponents.Connectivity.FULL);
        assertEquals(2, full.count());
        assertEquals(2, full.size(full.componentOf(at(1, 1, 1))));
        assertEquals(full.componentOf(at(2, 2, 2)), full.largest());
        assertEquals(-1, full.componentOf(at(0, 0, 0)));
    }

    @Test
    void smallComponentsOfALabelBecomeBackground() {
        float[] labels = empty();
        labels[at(0, 0, 0)] = 2;
        labels[at(1, 0, 0)] = 2;
        labels[at(4, 3, 2)] = 2;
        labels[at(4, 0, 2)] = 1;

        float[] out = Postprocessing.builder().removeComponentsSmallerThan(Map.of(2, 2)).build()
                .apply(volume(labels)).toArray();

        float[] expected = labels.clone();
        expected[at(4, 3, 2)] = 0;
        assertArrayEquals(expected, out, "label 1 is left alone");
    }

    @Test
    void keepsTheLargestComponentOfALabelOrOfTheForeground() {
        float[] labels = empty();
        labels[at(0, 0, 0)] = 1;
        labels[at(0, 1, 0)] = 1;
        labels[at(4, 3, 2)] = 1;
        labels[at(4, 2, 2)] = 2;
        labels[at(3, 2, 2)] = 2;

        float[] perLabel = Postprocessing.builder().keepLargestComponentOf(List.of(1)).build().apply(volume(labels))
                .toArray();
        assertEquals(0, perLabel[at(4, 3, 2)]);
        assertEquals(2, perLabel[at(4, 2, 2)]);

        float[] foreground = Postprocessing.builder().keepLargestForeground(true).build().apply(volume(labels))
                .toArray();
        assertEquals(0, foreground[at(0, 0, 0)], "the 2-voxel blob loses to the 3-voxel one of labels 1 and 2");
        assertEquals(1, foreground[at(4, 3, 2)]);
        assertEquals(2, foreground[at(3, 2, 2)]);
    }

    @Test
    void bratsRuleTurnsASmallEnhancingTumourIntoNecrosis() {
        float[] labels = empty();
        labels[at(0, 0, 0)] = 4;
        labels[at(1, 0, 0)] = 4;
        labels[at(2, 0, 0)] = 2;

        float[] small = Postprocessing.builder().replaceSmallLabel(4, 3, 1).build().apply(volume(labels)).toArray();
        float[] kept = Postprocessing.builder().replaceSmallLabel(4, 2, 1).build().apply(volume(labels)).toArray();

        assertEquals(1, small[at(0, 0, 0)]);
        assertEquals(1, small[at(1, 0, 0)]);
        assertEquals(2, small[at(2, 0, 0)]);
        assertArrayEquals(labels, kept);
    }
}
