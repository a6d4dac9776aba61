package org.voxseg.data.nifti;

import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Vector3;

/**
 * NIfTI's qform: a rotation stored as the quaternion (b, c, d) with a = sqrt(1 - b² - c² - d²), the handedness
 * qfac, voxel sizes and an offset. Conversions follow nifti1_io's nifti_quatern_to_mat44 and
 * nifti_mat44_to_quatern, the reference implementation every NIfTI reader agrees with.
 *
 * @param b quaternion b
 * @param c quaternion c
 * @param d quaternion d
 * @param offset qoffset_x, qoffset_y, qoffset_z
 * @param voxelSize the voxel size along each axis (pixdim[1..3])
 * @param qfac +1 or -1 (pixdim[0]): -1 flips the third axis
 */
record QuaternionForm(double b, double c, double d, Vector3 offset, Vector3 voxelSize, double qfac) {

    /** The voxel-to-world matrix this qform describes; voxel sizes that are not positive count as 1. */
    Affine toMatrix() {
        double bb = b;
        double cc = c;
        double dd = d;
        double a = 1.0 - (bb * bb + cc * cc + dd * dd);
        if (a < 1.e-7) {
            // Special case from nifti1_io: a 180-degree rotation, with (b, c, d) renormalised.
            a = 1.0 / Math.sqrt(bb * bb + cc * cc + dd * dd);
            bb *= a;
            cc *= a;
            dd *= a;
            a = 0.0;
        } else {
            a = Math.sqrt(a);
        }
        double xd = voxelSize.x() > 0 ? voxelSize.x() : 1;
        double yd = voxelSize.y() > 0 ? voxelSize.y() : 1;
        double zd = voxelSize.z() > 0 ? voxelSize.z() : 1;
        if (qfac < 0) {
            zd = -zd;
        }
        return Affine.fromRows(
                new double[] {(a * a + bb * bb - cc * cc - dd * dd) * xd, 2 * (bb * cc - a * dd) * yd,
                    2 * (bb * dd + a * cc) * zd, offset.x()},
                new double[] {2 * (bb * cc + a * dd) * xd, (a * a + cc * cc - bb * bb - dd * dd) * yd,
                    2 * (cc * dd - a * bb) * zd, offset.y()},
                new double[] {2 * (bb * dd - a * cc) * xd, 2 * (cc * dd + a * bb) * yd,
                    (a * a + dd * dd - cc * cc - bb * bb) * zd, offset.z()});
    }

    /**
     * The qform closest to {@code matrix}: columns normalised to give the voxel sizes, the rotation made orthogonal
     * by polar decomposition (so a sheared sform still gets the nearest rigid qform), a negative determinant turned
     * into qfac = -1.
     */
    static QuaternionForm fromMatrix(Affine matrix) {
        double[][] r = new double[3][3];
        double[] size = new double[3];
        for (int col = 0; col < 3; col++) {
            size[col] = matrix.columnNorm(col);
            if (size[col] == 0) {
                size[col] = 1;
                r[col][col] = 1;
                continue;
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = matrix.get(row, col) / size[col];
            }
        }
        r = polar(r);
        double qfac = 1;
        if (det(r) <= 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double qb;
        double qc;
        double qd;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            qb = 0.25 * (r[2][1] - r[1][2]) / a;
            qc = 0.25 * (r[0][2] - r[2][0]) / a;
            qd = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1.0 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1.0 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1.0 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1.0) {
                qb = 0.5 * Math.sqrt(xd);
                qc = 0.25 * (r[0][1] + r[1][0]) / qb;
                qd = 0.25 * (r[0][2] + r[2][0]) / qb;
                a = 0.25 * (r[2][1] - r[1][2]) / qb;
            } else if (yd > 1.0) {
                qc = 0.5 * Math.sqrt(yd);
                qb = 0.25 * (r[0][1] + r[1][0]) / qc;
                qd = 0.25 * (r[1][2] + r[2][1]) / qc;
                a = 0.25 * (r[0][2] - r[2][0]) / qc;
            } else {
                qd = 0.5 * Math.sqrt(zd);
                qb = 0.25 * (r[0][2] + r[2][0]) / qd;
                qc = 0.25 * (r[1][2] + r[2][1]) / qd;
                a = 0.25 * (r[1][0] - r[0][1]) / qd;
            }
            if (a < 0) {
                qb = -qb;
                qc = -qc;
                qd = -qd;
            }
        }
        Vector3 offset = new Vector3(matrix.get(0, 3), matrix.get(1, 3), matrix.get(2, 3));
        return new QuaternionForm(qb, qc, qd, offset, Vector3.of(size), qfac);
    }

    /** The orthogonal factor of m's polar decomposition (Higham's scaled Newton iteration, as in nifti1_io). */
    private static double[][] polar(double[][] m) {
        double[][] x = copy(m);
        double gamma = det(x);
        while (gamma == 0) {
            // Singular: nudge the diagonal as nifti1_io does.
            gamma = 0.00001 * (0.001 + normRow(x));
            for (int i = 0; i < 3; i++) {
                x[i][i] += gamma;
            }
            gamma = det(x);
        }
        double difference = 1;
        for (int k = 0; k < 100; k++) {
            double[][] y = inverse(x);
            double g = 1;
            double gInverse = 1;
            if (difference > 0.3) {
                double alpha = Math.sqrt(normRow(x) * normColumn(x));
                double beta = Math.sqrt(normRow(y) * normColumn(y));
                g = Math.sqrt(beta / alpha);
                gInverse = 1 / g;
            }
            double[][] z = new double[3][3];
            difference = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    z[i][j] = 0.5 * (g * x[i][j] + gInverse * y[j][i]);
                    difference += Math.abs(z[i][j] - x[i][j]);
                }
            }
            x = z;
            if (difference <= 3.e-6) {
                break;
            }
        }
        return x;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] inverse(double[][] m) {
        double det = det(m);
        return new double[][] {
            {(m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det, (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
                (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
            {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det, (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
                (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
            {(m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det, (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det,
                (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}
        };
    }

    /** Largest row sum of absolute values. */
    private static double normRow(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            max = Math.max(max, Math.abs(row[0]) + Math.abs(row[1]) + Math.abs(row[2]));
        }
        return max;
    }

    /** Largest column sum of absolute values. */
    private static double normColumn(double[][] m) {
        double max = 0;
        for (int j = 0; j < 3; j++) {
            max = Math.max(max, Math.abs(m[0][j]) + Math.abs(m[1][j]) + Math.abs(m[2][j]));
        }
        return max;
    }

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }
}
