package org.voxseg.data.geometry;

import java.util.Arrays;

/**
 * An immutable 4x4 homogeneous transform whose last row is (0, 0, 0, 1), such as NIfTI's voxel-to-world matrix.
 * Only the top three rows are stored.
 */
public final class Affine {

    private static final Affine IDENTITY = diagonal(1, 1, 1);

    /** Row-major top three rows: m[4 * row + column]. */
    private final double[] m;

    private Affine(double[] topRows) {
        for (int i = 0; i < topRows.length; i++) {
            topRows[i] += 0.0; // -0.0 becomes 0.0, so equal matrices are equal()
        }
        this.m = topRows;
    }

    /** The identity transform. */
    public static Affine identity() {
        return IDENTITY;
    }

    /** A scaling by (sx, sy, sz) with no translation. */
    public static Affine diagonal(double sx, double sy, double sz) {
        return new Affine(new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0});
    }

    /**
     * An affine from its top three rows, each of four values (as NIfTI's srow_x, srow_y, srow_z).
     *
     * @throws IllegalArgumentException if a row does not hold four finite values
     */
    public static Affine fromRows(double[] rowX, double[] rowY, double[] rowZ) {
        double[] m = new double[12];
        double[][] rows = {rowX, rowY, rowZ};
        for (int r = 0; r < 3; r++) {
            if (rows[r].length != 4) {
                throw new IllegalArgumentException("affine row " + r + " has " + rows[r].length + " values, not 4");
            }
            System.arraycopy(rows[r], 0, m, 4 * r, 4);
        }
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine holds a non-finite value: " + Arrays.toString(m));
            }
        }
        return new Affine(m);
    }

    /** The element at (row, column), rows and columns 0 to 3. */
    public double get(int row, int column) {
        if (row == 3) {
            return column == 3 ? 1 : 0;
        }
        return m[4 * row + column];
    }

    /** The matrix as four rows of four values, last row (0, 0, 0, 1). */
    public double[][] toRows() {
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = get(r, c);
            }
        }
        return rows;
    }

    /** Row {@code row} (0 to 2) as four values. */
    public double[] row(int row) {
        return Arrays.copyOfRange(m, 4 * row, 4 * row + 4);
    }

    /** This transform applied after {@code first}: the matrix product {@code this * first}. */
    public Affine compose(Affine first) {
        double[] out = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double sum = c == 3 ? m[4 * r + 3] : 0;
                for (int k = 0; k < 3; k++) {
                    sum += m[4 * r + k] * first.m[4 * k + c];
                }
                out[4 * r + c] = sum;
            }
        }
        return new Affine(out);
    }

    /** Maps the point (x, y, z). */
    public double[] apply(double x, double y, double z) {
        return new double[] {
            m[0] * x + m[1] * y + m[2] * z + m[3],
            m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]
        };
    }

    /** The determinant of the linear 3x3 part; negative for a left-handed (radiological) voxel order. */
    public double determinant() {
        return m[0] * (m[5] * m[10] - m[6] * m[9])
                - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /**
     * The inverse transform.
     *
     * @throws IllegalStateException if the linear part is singular
     */
    public Affine inverse() {
        double det = determinant();
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("affine is singular: " + this);
        }
        double[] inv = new double[12];
        inv[0] = (m[5] * m[10] - m[6] * m[9]) / det;
        inv[1] = (m[2] * m[9] - m[1] * m[10]) / det;
        inv[2] = (m[1] * m[6] - m[2] * m[5]) / det;
        inv[4] = (m[6] * m[8] - m[4] * m[10]) / det;
        inv[5] = (m[0] * m[10] - m[2] * m[8]) / det;
        inv[6] = (m[2] * m[4] - m[0] * m[6]) / det;
        inv[8] = (m[4] * m[9] - m[5] * m[8]) / det;
        inv[9] = (m[1] * m[8] - m[0] * m[9]) / det;
        inv[10] = (m[0] * m[5] - m[1] * m[4]) / det;
        for (int r = 0; r < 3; r++) {
            inv[4 * r + 3] = -(inv[4 * r] * m[3] + inv[4 * r + 1] * m[7] + inv[4 * r + 2] * m[11]);
        }
        return new Affine(inv);
    }

    /** The length of column {@code column} (0 to 2) of the linear part: the voxel size along that axis. */
    public double columnNorm(int column) {
        return Math.sqrt(m[column] * m[column] + m[4 + column] * m[4 + column] + m[8 + column] * m[8 + column]);
    }

    /** The largest absolute difference between corresponding elements of this and {@code other}. */
    public double maxAbsDifference(Affine other) {
        double max = 0;
        for (int i = 0; i < 12; i++) {
            max = Math.max(max, Math.abs(m[i] - other.m[i]));
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < 3; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < 4; c++) {
                sb.append(c == 0 ? "" : ", ").append(m[4 * r + c]);
            }
            sb.append(']');
        }
        return sb.append(", [0, 0, 0, 1]]").toString();
    }

    /**
     * Where each voxel axis points, as nibabel's {@code aff2axcodes} names it, e.g. {@code RAS}: for each column, the
     * world axis it runs most along (x: L/R, y: P/A, z: I/S) and its direction (RAS+ world).
     */
    public String axisCodes() {
        String[] directions = {"LR", "PA", "IS"};
        StringBuilder codes = new StringBuilder(3);
        for (int column = 0; column < 3; column++) {
            int axis = 0;
            for (int row = 1; row < 3; row++) {
                if (Math.abs(get(row, column)) > Math.abs(get(axis, column))) {
                    axis = row;
                }
            }
            codes.append(directions[axis].charAt(get(axis, column) > 0 ? 1 : 0));
        }
        return codes.toString();
    }
}
