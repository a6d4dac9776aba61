package org.voxseg.data.sampling;

import java.util.List;
import java.util.Random;

/**
 * Augmentations applied to a patch in order, each with its own probability.
 *
 * @param steps the augmentations, first to last
 */
public record AugmentationPipeline(List<PatchAugmentation> steps) {

    public AugmentationPipeline {
        steps = List.copyOf(steps);
    }

    /** No augmentation (validation, inference). */
    public static AugmentationPipeline none() {
        return new AugmentationPipeline(List.of());
    }

    /** {@code patch} after every step. */
    public Patch apply(Patch patch, Random random) {
        Patch current = patch;
        for (PatchAugmentation step : steps) {
            current = step.apply(current, random);
        }
        return current;
    }
}
