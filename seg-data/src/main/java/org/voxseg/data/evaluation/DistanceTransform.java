package org.voxseg.data.evaluation;

/**
 * The exact Euclidean distance, in world units, from every voxel to the nearest feature voxel, with anisotropic
 * spacing: Felzenszwalb and Huttenlocher's lower envelope of parabolas, one pass per axis, O(voxels).
 */
final class DistanceTransform {

    private DistanceTransform() {
    }

    /** Squared distances to the nearest {@code true} voxel of {@code features} (infinity if there is none). */
    static double[] squared(boolean[] features, int[] shape, double[] spacing) {
        double[] d = new double[features.length];
        for (int v = 0; v < d.length; v++) {
            d[v] = features[v] ? 0 : Double.POSITIVE_INFINITY;
        }
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape[2];
        int longest = Math.max(nx, Math.max(ny, nz));
        double[] line = new double[longest];
        double[] out = new double[longest];
        int[] hull = new int[longest];
        double[] bounds = new double[longest + 1];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                pass(d, nx * (j + ny * k), 1, nx, spacing[0], line, out, hull, bounds);
            }
        }
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                pass(d, i + nx * ny * k, nx, ny, spacing[1], line, out, hull, bounds);
            }
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                pass(d, i + nx * j, nx * ny, nz, spacing[2], line, out, hull, bounds);
            }
        }
        return d;
    }

    /** The 1-D transform of the line of {@code n} values at {@code start} + m * {@code stride}, in place. */
    private static void pass(double[] d, int start, int stride, int n, double step, double[] f, double[] out,
            int[] hull, double[] bounds) {
        for (int q = 0; q < n; q++) {
            f[q] = d[start + q * stride];
        }
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double xq = q * step;
            while (k >= 0) {
                double xv = hull[k] * step;
                double s = ((f[q] + xq * xq) - (f[hull[k]] + xv * xv)) / (2 * (xq - xv));
                if (s <= bounds[k]) {
                    k--;
                } else {
                    bounds[k + 1] = s;
                    break;
                }
            }
            if (k < 0) {
                bounds[0] = Double.NEGATIVE_INFINITY;
            }
            hull[++k] = q;
        }
        if (k < 0) {
            return;
        }
        bounds[k + 1] = Double.POSITIVE_INFINITY;
        int h = 0;
        for (int q = 0; q < n; q++) {
            double xq = q * step;
            while (bounds[h + 1] < xq) {
                h++;
            }
            double dx = xq - hull[h] * step;
            out[q] = dx * dx + f[hull[h]];
        }
        for (int q = 0; q < n; q++) {
            d[start + q * stride] = out[q];
        }
    }
}
