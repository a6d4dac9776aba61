package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Vector3;

class QuaternionFormTest {

    @ParameterizedTest(name = "b={0} c={1} d={2} qfac={3}")
    @CsvSource({
        "0, 0, 0, 1",
        "0, 0, 0, -1",
        "0.1, -0.2, 0.3, 1",
        "0.0811, 0, 0, -1",
        "1, 0, 0, 1",
        "0, 1, 0, -1",
        "0, 0, 1, 1",
        "0.7071068, 0.7071068, 0, 1"
    })
    void matrixToQuaternionAndBackIsStable(double b, double c, double d, double qfac) {
        QuaternionForm form = new QuaternionForm(b, c, d, new Vector3(10, -20, 30), new Vector3(2, 3, 1.5), qfac);
        Affine matrix = form.toMatrix();

        Affine again = QuaternionForm.fromMatrix(matrix).toMatrix();

        assertTrue(again.maxAbsDifference(matrix) < 1e-6, matrix + " became " + again);
        assertEquals(qfac, QuaternionForm.fromMatrix(matrix).qfac());
        assertArrayEquals(new double[] {2, 3, 1.5}, QuaternionForm.fromMatrix(matrix).voxelSize().toArray(), 1e-9);
    }

    @Test
    void identityQuaternionWithNegativeQfacFlipsTheThirdAxis() {
        Affine matrix = new QuaternionForm(0, 0, 0, Vector3.uniform(0), new Vector3(1, 1, 2), -1).toMatrix();

        assertEquals(Affine.diagonal(1, 1, -2), matrix);
    }

    @Test
    void shearedMatrixGetsTheNearestRigidQform() {
        Affine sheared = Affine.fromRows(new double[] {1, 0.05, 0, 0}, new double[] {0, 1, 0, 0},
                new double[] {0, 0, 1, 0});

        Affine rigid = QuaternionForm.fromMatrix(sheared).toMatrix();

        double[][] r = rigid.toRows();
        double dot = r[0][0] * r[0][1] + r[1][0] * r[1][1] + r[2][0] * r[2][1];
        assertEquals(0, dot, 1e-9, "columns of the qform are orthogonal");
        assertTrue(rigid.maxAbsDifference(sheared) < 0.05);
    }
}
