package org.voxseg.data.sampling;

import java.util.Random;

/**
 * Random changes of image intensities (labels untouched), each channel drawn separately: multiply by a factor,
 * add an offset, add Gaussian noise, or apply a gamma curve over the channel's range (nnU-Net style).
 *
 * @param kind which change
 * @param probability chance of applying it to a patch
 * @param min lower end of the drawn parameter (factor, offset, noise standard deviation or gamma)
 * @param max upper end of the drawn parameter
 */
public record IntensityAugmentation(Kind kind, double probability, double min, double max)
        implements PatchAugmentation {

    /** The intensity change. */
    public enum Kind {
        /** x * f, f drawn per channel. */
        SCALE,
        /** x + b, b drawn per channel. */
        SHIFT,
        /** x + n, n ~ N(0, sigma) per voxel, sigma drawn per channel. */
        NOISE,
        /** ((x - lo) / (hi - lo))^g * (hi - lo) + lo over the channel's range, g drawn per channel. */
        GAMMA
    }

    public IntensityAugmentation {
        PatchAugmentation.checkProbability(probability);
        if (!(min <= max)) {
            throw new IllegalArgumentException(kind + " range must have min <= max: " + min + ", " + max);
        }
        if (kind == Kind.GAMMA && !(min > 0)) {
            throw new IllegalArgumentException("gamma must be positive: " + min);
        }
    }

    @Override
    public Patch apply(Patch patch, Random random) {
        if (random.nextDouble() >= probability) {
            return patch;
        }
        float[] image = patch.image().clone();
        int voxels = patch.voxels();
        for (int c = 0; c < patch.channels(); c++) {
            double parameter = PatchAugmentation.uniform(random, min, max);
            int start = c * voxels;
            switch (kind) {
                case SCALE -> {
                    for (int v = start; v < start + voxels; v++) {
                        image[v] = (float) (image[v] * parameter);
                    }
                }
                case SHIFT -> {
                    for (int v = start; v < start + voxels; v++) {
                        image[v] = (float) (image[v] + parameter);
                    }
                }
                case NOISE -> {
                    for (int v = start; v < start + voxels; v++) {
                        image[v] = (float) (image[v] + parameter * random.nextGaussian());
                    }
                }
                case GAMMA -> gamma(image, start, voxels, parameter);
            }
        }
        return new Patch(patch.shape(), patch.channels(), image, patch.labels());
    }

    private static void gamma(float[] image, int start, int voxels, double gamma) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int v = start; v < start + voxels; v++) {
            lo = Math.min(lo, image[v]);
            hi = Math.max(hi, image[v]);
        }
        double range = hi - lo;
        if (range == 0) {
            return;
        }
        for (int v = start; v < start + voxels; v++) {
            image[v] = (float) (Math.pow((image[v] - lo) / range, gamma) * range + lo);
        }
    }
}
