package org.voxseg.data.sampling;

import java.util.Random;

/**
 * One random augmentation of a training patch, applied with its own probability. Implementations draw every
 * random number from the given {@link Random}, so a seeded run augments identically every time.
 */
public interface PatchAugmentation {

    /** The augmented patch (a new one), or {@code patch} itself when the augmentation is not applied. */
    Patch apply(Patch patch, Random random);

    /** Checks that a probability lies in 0..1. */
    static double checkProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0 to 1: " + probability);
        }
        return probability;
    }

    /** A uniform draw from [min, max). */
    static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
