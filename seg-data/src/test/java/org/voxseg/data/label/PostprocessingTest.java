package org.voxseg.data.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
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
        return Volume.wrap(Geometry.of(Extent.of(SHAPE), Affine.identity()), 1, values);
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

        float[] out = Postprocessing.of(List.of(new RemoveSmallComponents("label 2", List.of(2), 2)))
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

        float[] perLabel = Postprocessing.of(List.of(new KeepLargestComponent("label 1", List.of(1))))
                .apply(volume(labels)).toArray();
        assertEquals(0, perLabel[at(4, 3, 2)]);
        assertEquals(2, perLabel[at(4, 2, 2)]);

        float[] foreground = Postprocessing.of(List.of(new KeepLargestComponent("foreground", List.of(1, 2))))
                .apply(volume(labels)).toArray();
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

        float[] small = Postprocessing.of(List.of(new ReplaceSmallLabel(4, 3, 1))).apply(volume(labels)).toArray();
        float[] kept = Postprocessing.of(List.of(new ReplaceSmallLabel(4, 2, 1))).apply(volume(labels)).toArray();

        assertEquals(1, small[at(0, 0, 0)]);
        assertEquals(1, small[at(1, 0, 0)]);
        assertEquals(2, small[at(2, 0, 0)]);
        assertArrayEquals(labels, kept);
    }

    @Test
    void removingSmallComponentsOfARegionKeepsEveryLargeFocus() {
        float[] labels = empty();
        labels[at(0, 0, 0)] = 1;
        labels[at(1, 0, 0)] = 4;
        labels[at(4, 3, 2)] = 1;
        labels[at(4, 2, 2)] = 4;
        labels[at(2, 3, 0)] = 1;
        labels[at(2, 0, 2)] = 2;

        float[] out = Postprocessing.of(List.of(new RemoveSmallComponents("TC", List.of(1, 4), 2)))
                .apply(volume(labels)).toArray();

        float[] expected = labels.clone();
        expected[at(2, 3, 0)] = 0;
        assertArrayEquals(expected, out, "both 2-voxel foci of TC stay, the lone voxel goes; label 2 is not TC");
    }

    @Test
    void stepsRunInTheirOrder() {
        float[] labels = empty();
        labels[at(0, 0, 0)] = 4;
        labels[at(4, 3, 2)] = 4;
        labels[at(4, 2, 2)] = 4;
        PostprocessingStep largest = new KeepLargestComponent("ET", List.of(4));
        PostprocessingStep rule = new ReplaceSmallLabel(4, 3, 1);

        float[] largestFirst = Postprocessing.of(List.of(largest, rule)).apply(volume(labels)).toArray();
        float[] ruleFirst = Postprocessing.of(List.of(rule, largest)).apply(volume(labels)).toArray();

        assertEquals(1, largestFirst[at(4, 3, 2)], "two voxels of 4 are left, fewer than 3: necrosis");
        assertEquals(0, largestFirst[at(0, 0, 0)]);
        assertEquals(4, ruleFirst[at(4, 3, 2)], "three voxels of 4 pass the rule, then the largest is kept");
        assertEquals("keep the largest component of ET; label 4 becomes 1 when fewer than 3 voxels",
                Postprocessing.of(List.of(largest, rule)).describe());
    }
}
