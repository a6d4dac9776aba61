package org.voxseg.data.sampling;

import java.util.Random;

/**
 * Rotates image and labels by 90, 180 or 270 degrees in the plane of two axes. Quarter turns need the two axes to
 * have the same size (so the patch keeps its shape); otherwise only the half turn is drawn.
 *
 * @param firstAxis one axis of the plane
 * @param secondAxis the other axis of the plane
 * @param probability chance of applying it to a patch
 */
public record Rotate90(int firstAxis, int secondAxis, double probability) implements PatchAugmentation {

    public Rotate90 {
        if (firstAxis == secondAxis || firstAxis < 0 || firstAxis > 2 || secondAxis < 0 || secondAxis > 2) {
            throw new IllegalArgumentException("a plane needs two different axes of 0, 1, 2: " + firstAxis + ", "
                    + secondAxis);
        }
        PatchAugmentation.checkProbability(probability);
    }

    @Override
    public Patch apply(Patch patch, Random random) {
        if (random.nextDouble() >= probability) {
            return patch;
        }
        int[] s = patch.shape().toArray();
        int quarterTurns = s[firstAxis] == s[secondAxis] ? 1 + random.nextInt(3) : 2;
        int na = s[firstAxis];
        int nb = s[secondAxis];
        return VoxelMaps.remap(patch, (x, y, z, source) -> {
            source[0] = x;
            source[1] = y;
            source[2] = z;
            int a = source[firstAxis];
            int b = source[secondAxis];
            switch (quarterTurns) {
                case 1 -> {
                    source[firstAxis] = b;
                    source[secondAxis] = nb - 1 - a;
                }
                case 2 -> {
                    source[firstAxis] = na - 1 - a;
                    source[secondAxis] = nb - 1 - b;
                }
                default -> {
                    source[firstAxis] = na - 1 - b;
                    source[secondAxis] = a;
                }
            }
        });
    }
}
