package org.voxseg.data.sampling;

import java.util.Random;
import org.voxseg.data.geometry.Extent;

/**
 * Scales the patch content about its centre by a factor drawn from [min, max] (above 1 zooms in): trilinear for
 * the image, nearest for the labels, zeros where the source falls outside the patch.
 *
 * @param probability chance of applying it to a patch
 * @param min smallest factor
 * @param max largest factor
 */
public record Zoom(double probability, double min, double max) implements PatchAugmentation {

    public Zoom {
        PatchAugmentation.checkProbability(probability);
        if (!(min > 0 && min <= max)) {
            throw new IllegalArgumentException("zoom range must be 0 < min <= max: " + min + ", " + max);
        }
    }

    @Override
    public Patch apply(Patch patch, Random random) {
        if (random.nextDouble() >= probability) {
            return patch;
        }
        double factor = PatchAugmentation.uniform(random, min, max);
        int[] s = patch.shape().toArray();
        int voxels = patch.voxels();
        float[] image = new float[patch.image().length];
        float[] labels = new float[voxels];
        int at = 0;
        for (int z = 0; z < s[2]; z++) {
            double sz = source(z, s[2], factor);
            for (int y = 0; y < s[1]; y++) {
                double sy = source(y, s[1], factor);
                for (int x = 0; x < s[0]; x++, at++) {
                    double sx = source(x, s[0], factor);
                    labels[at] = nearest(patch.labels(), s, 0, sx, sy, sz);
                    for (int c = 0; c < patch.channels(); c++) {
                        image[c * voxels + at] = trilinear(patch.image(), s, c * voxels, sx, sy, sz);
                    }
                }
            }
        }
        return new Patch(Extent.of(s), patch.channels(), image, labels);
    }

    private static double source(int p, int n, double factor) {
        double centre = (n - 1) / 2.0;
        return centre + (p - centre) / factor;
    }

    private static float nearest(float[] data, int[] s, int offset, double x, double y, double z) {
        int i = (int) Math.round(x);
        int j = (int) Math.round(y);
        int k = (int) Math.round(z);
        if (i < 0 || j < 0 || k < 0 || i >= s[0] || j >= s[1] || k >= s[2]) {
            return 0;
        }
        return data[offset + i + s[0] * (j + s[1] * k)];
    }

    /** Trilinear interpolation with zeros outside the patch. */
    private static float trilinear(float[] data, int[] s, int offset, double x, double y, double z) {
        int i0 = (int) Math.floor(x);
        int j0 = (int) Math.floor(y);
        int k0 = (int) Math.floor(z);
        double fx = x - i0;
        double fy = y - j0;
        double fz = z - k0;
        double sum = 0;
        for (int dk = 0; dk < 2; dk++) {
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    int i = i0 + di;
                    int j = j0 + dj;
                    int k = k0 + dk;
                    if (i < 0 || j < 0 || k < 0 || i >= s[0] || j >= s[1] || k >= s[2]) {
                        continue;
                    }
                    double w = (di == 1 ? fx : 1 - fx) * (dj == 1 ? fy : 1 - fy) * (dk == 1 ? fz : 1 - fz);
                    sum += w * data[offset + i + s[0] * (j + s[1] * k)];
                }
            }
        }
        return (float) sum;
    }
}
