package org.voxseg.data.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class LabelEncodingTest {

    private static final int[] BRATS = {2, 1, 4};

    private static Volume line(int channels, float... values) {
        return Volume.wrap(Geometry.of(new Extent(values.length / channels, 1, 1), Affine.identity()), channels,
                values);
    }

    @Test
    void bratsHierarchyGivesNestedRegions() {
        Volume regions = LabelEncoding.of(BRATS, true).encode(line(1, 0, 1, 2, 4));

        assertEquals(3, regions.channels());
        assertArrayEquals(new float[] {
            0, 1, 1, 1,   // WT = {2, 1, 4}
            0, 1, 0, 1,   // TC = {1, 4}
            0, 0, 0, 1},  // ET = {4}
            regions.toArray());
    }

    @Test
    void regionDecodingFollowsNnunetRegionOrder() {
        LabelEncoding encoding = LabelEncoding.of(BRATS, true);
        Volume probabilities = line(3,
                0.1f, 0.9f, 0.9f, 0.2f, 0.9f,  // WT
                0.1f, 0.2f, 0.7f, 0.2f, 0.6f,  // TC
                0.1f, 0.1f, 0.2f, 0.8f, 0.5f); // ET (exactly 0.5 is not above the threshold)

        assertArrayEquals(new float[] {0, 2, 1, 4, 1}, encoding.decode(probabilities).toArray());
    }

    @Test
    void encodeThenDecodeIsTheIdentity() {
        Volume labels = line(1, 0, 4, 1, 2, 2, 0, 4);
        for (boolean hierarchy : new boolean[] {true, false}) {
            LabelEncoding encoding = LabelEncoding.of(BRATS, hierarchy);
            assertArrayEquals(labels.toArray(), encoding.decode(encoding.encode(labels)).toArray());
        }
    }

    @Test
    void oneHotHasBackgroundFirstAndDecodesByArgmax() {
        LabelEncoding encoding = LabelEncoding.of(BRATS, false);

        assertEquals(4, encoding.channels());
        assertArrayEquals(new float[] {
            1, 0, 0,   // background
            0, 0, 1,   // label 2
            0, 1, 0,   // label 1
            0, 0, 0},  // label 4
            encoding.encode(line(1, 0, 1, 2)).toArray());
        Volume scores = line(4, 0.1f, 0.4f, 0.2f, 0.3f);
        assertArrayEquals(new float[] {2}, encoding.decode(scores).toArray());
    }

    @Test
    void refusesUnknownValuesAndBadLabelLists() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LabelEncoding.of(BRATS, true).encode(line(1, 0, 3)));
        assertEquals("label value 3.0 is not 0 or one of [2, 1, 4]", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelEncoding.of(new int[] {1, 1}, true));
        assertThrows(IllegalArgumentException.class, () -> LabelEncoding.of(new int[] {0, 1}, false));
        assertThrows(IllegalArgumentException.class,
                () -> LabelEncoding.of(BRATS, true).decode(line(2, 0, 0)));
    }

    @Test
    void eachChannelNamesTheLabelsItMarksForEvaluation() {
        LabelEncoding regions = LabelEncoding.of(new int[] {2, 1, 4}, true);
        LabelEncoding classes = LabelEncoding.of(new int[] {2, 1, 4}, false);

        assertArrayEquals(new int[] {2, 1, 4}, regions.labelsOf(0), "WT");
        assertArrayEquals(new int[] {1, 4}, regions.labelsOf(1), "TC");
        assertArrayEquals(new int[] {4}, regions.labelsOf(2), "ET");
        assertArrayEquals(new int[0], classes.labelsOf(0), "the background marks no label");
        assertArrayEquals(new int[] {1}, classes.labelsOf(2));
        assertThrows(IndexOutOfBoundsException.class, () -> regions.labelsOf(3));
    }
}
