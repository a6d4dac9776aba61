package org.voxseg.data.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeometryTest {

    private static final Affine SFORM = Affine.fromRows(new double[] {-1, 0, 0, 90}, new double[] {0, 1, 0, -126},
            new double[] {0, 0, 1, -72});
    private static final Affine QFORM = Affine.diagonal(1, 1, 1);

    @Test
    void affineFollowsNiftiPrecedence() {
        Geometry.Builder base = Geometry.builder().shape(new Extent(4, 5, 6)).spacing(new Spacing(1, 2, 3));

        assertEquals(SFORM, base.qform(QFORM, 1).sform(SFORM, 2).build().affine(), "sform when its code > 0");
        assertEquals(QFORM, base.qform(QFORM, 1).sform(SFORM, 0).build().affine(), "else qform when its code > 0");
        assertEquals(Affine.diagonal(1, 2, 3), base.qform(QFORM, 0).sform(SFORM, 0).build().affine(),
                "else the spacing");
    }

    @Test
    void indexAndWorldConvertBothWays() {
        Geometry geometry = Geometry.of(new Extent(10, 10, 10), SFORM);

        assertArrayEquals(new double[] {88, -123, -68}, geometry.indexToWorld(2, 3, 4).toArray(), 1e-12);
        assertArrayEquals(new double[] {2, 3, 4}, geometry.worldToIndex(88, -123, -68).toArray(), 1e-12);
    }

    @Test
    void geometryFromAnAffineTakesSpacingFromItsColumns() {
        Geometry geometry = Geometry.of(new Extent(2, 2, 2), Affine.diagonal(-2, 3, 0.5));

        assertArrayEquals(new double[] {2, 3, 0.5}, geometry.spacing().toArray());
        assertEquals(Geometry.XFORM_SCANNER_ANAT, geometry.sformCode());
        assertEquals(Geometry.XFORM_SCANNER_ANAT, geometry.qformCode());
    }

    @Test
    void sameGridAcceptsRoundOffAndNamesTheVolumeThatDisagrees() {
        Affine nudged = Affine.fromRows(new double[] {-1, 0, 0, 90.00001}, new double[] {0, 1, 0, -126},
                new double[] {0, 0, 1, -72});
        Map<String, Geometry> modalities = new LinkedHashMap<>();
        modalities.put("flair", Geometry.of(new Extent(240, 240, 155), SFORM));
        modalities.put("t1", Geometry.of(new Extent(240, 240, 155), nudged));
        GridChecks.requireSameGrid(modalities, 1e-3);

        modalities.put("t1ce", Geometry.of(new Extent(240, 240, 154), SFORM));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GridChecks.requireSameGrid(modalities, 1e-3));
        assertEquals("t1ce is not on the grid of flair: shape 240x240x154 differs from 240x240x155",
                error.getMessage());

        modalities.put("t1ce", Geometry.of(new Extent(240, 240, 155), Affine.diagonal(1, 1, 1)));
        String message = assertThrows(IllegalArgumentException.class,
                () -> GridChecks.requireSameGrid(modalities, 1e-3)).getMessage();
        assertTrue(message.startsWith("t1ce is not on the grid of flair: affine"), message);
    }

    @Test
    void refusesEmptyShapesAndBadSpacing() {
        assertThrows(IllegalArgumentException.class, () -> Geometry.builder().shape(new Extent(0, 1, 1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> Geometry.builder().shape(new Extent(1, 1, 1)).spacing(new Spacing(1, -1, 1)).build());
        assertThrows(ArithmeticException.class,
                () -> Geometry.builder().shape(new Extent(5000, 5000, 5000)).build());
    }

    @Test
    void axisCodesNameWhereEachVoxelAxisPointsAsNibabelDoes() {
        assertEquals("RAS", Geometry.of(new Extent(2, 2, 2), Affine.diagonal(1.2, 1, 2)).axisCodes());
        assertEquals("LPS", Geometry.of(new Extent(2, 2, 2), Affine.diagonal(-1, -1, 1)).axisCodes());
        assertEquals("LAS", Geometry.of(new Extent(2, 2, 2), SFORM).axisCodes());
        // i runs along -z (mostly), j along +x, k along +y: nibabel's aff2axcodes gives ('I', 'R', 'A').
        Affine oblique = Affine.fromRows(new double[] {0.1, 0.9, 0, 0}, new double[] {0, 0.1, 1, 0},
                new double[] {-1, 0, 0.2, 0});
        assertEquals("IRA", Geometry.of(new Extent(2, 2, 2), oblique).axisCodes());
    }
}
