package org.voxseg.data.sampling;

import java.util.Random;

/**
 * Mirrors image and labels along one axis (0 = x, 1 = y, 2 = z).
 *
 * @param axis the axis to reverse
 * @param probability chance of applying it to a patch
 */
public record Flip(int axis, double probability) implements PatchAugmentation {

    public Flip {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        }
        PatchAugmentation.checkProbability(probability);
    }

    @Override
    public Patch apply(Patch patch, Random random) {
        if (random.nextDouble() >= probability) {
            return patch;
        }
        int[] s = patch.shape().toArray();
        return VoxelMaps.remap(patch, (x, y, z, source) -> {
            source[0] = axis == 0 ? s[0] - 1 - x : x;
            source[1] = axis == 1 ? s[1] - 1 - y : y;
            source[2] = axis == 2 ? s[2] - 1 - z : z;
        });
    }
}
