package org.voxseg.data.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AffineTest {

    private static final Affine OBLIQUE = Affine.fromRows(
            new double[] {-2.0, 0.0, 0.0, 117.855103},
            new double[] {0.0, 1.973711, -0.355528, -35.722942},
            new double[] {0.0, 0.323208, 2.171082, -7.248798});

    @Test
    void inverseUndoesTheTransform() {
        double[] world = OBLIQUE.apply(3, 5, 7);
        assertArrayEquals(new double[] {3, 5, 7}, OBLIQUE.inverse().apply(world[0], world[1], world[2]), 1e-9);
        assertTrue(OBLIQUE.compose(OBLIQUE.inverse()).maxAbsDifference(Affine.identity()) < 1e-12);
    }

    @Test
    void composeAppliesTheRightOperandFirst() {
        Affine scale = Affine.diagonal(2, 3, 4);
        Affine shift = Affine.fromRows(new double[] {1, 0, 0, 10}, new double[] {0, 1, 0, 20},
                new double[] {0, 0, 1, 30});

        assertArrayEquals(new double[] {12, 23, 34}, shift.compose(scale).apply(1, 1, 1), 0);
        assertArrayEquals(new double[] {22, 63, 124}, scale.compose(shift).apply(1, 1, 1), 0);
    }

    @Test
    void determinantAndColumnNorms() {
        assertEquals(-2.0 * (1.973711 * 2.171082 + 0.355528 * 0.323208), OBLIQUE.determinant(), 1e-12);
        assertEquals(2.0, OBLIQUE.columnNorm(0), 1e-12);
        assertEquals(Math.hypot(1.973711, 0.323208), OBLIQUE.columnNorm(1), 1e-12);
    }

    @Test
    void lastRowIsFixed() {
        assertArrayEquals(new double[] {0, 0, 0, 1}, OBLIQUE.toRows()[3]);
        assertEquals(1, OBLIQUE.get(3, 3));
    }

    @Test
    void refusesNonFiniteAndSingular() {
        assertThrows(IllegalArgumentException.class, () -> Affine.fromRows(new double[] {Double.NaN, 0, 0, 0},
                new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0}));
        assertThrows(IllegalStateException.class, () -> Affine.diagonal(1, 0, 1).inverse());
    }
}
