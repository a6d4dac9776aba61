package org.voxseg.data.transform;

import java.util.Arrays;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Boxes;
import org.voxseg.data.volume.Volume;

/**
 * Adds zero voxels before and after each axis; inverting crops them off.
 *
 * @param before voxels added before the first voxel along each axis
 * @param after voxels added after the last voxel along each axis
 */
public record Pad(int[] before, int[] after) implements GridStep {

    public Pad {
        before = before.clone();
        after = after.clone();
        for (int d = 0; d < 3; d++) {
            if (before[d] < 0 || after[d] < 0) {
                throw new IllegalArgumentException("padding must not be negative: before "
                        + Arrays.toString(before) + ", after " + Arrays.toString(after));
            }
        }
    }

    /**
     * The padding that makes {@code shape} at least {@code minShape} and divisible by {@code divisor} along every
     * axis, split evenly (the odd voxel after), as MONAI's symmetric DivisiblePad / SpatialPad.
     */
    public static Pad toFit(int[] shape, int[] minShape, int divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        int[] before = new int[3];
        int[] after = new int[3];
        for (int d = 0; d < 3; d++) {
            int target = Math.max(shape[d], minShape[d]);
            target = (target + divisor - 1) / divisor * divisor;
            before[d] = (target - shape[d]) / 2;
            after[d] = target - shape[d] - before[d];
        }
        return new Pad(before, after);
    }

    @Override
    public int[] before() {
        return before.clone();
    }

    @Override
    public int[] after() {
        return after.clone();
    }

    /** Whether the step adds no voxel. */
    public boolean isEmpty() {
        return Arrays.stream(before).allMatch(n -> n == 0) && Arrays.stream(after).allMatch(n -> n == 0);
    }

    @Override
    public Geometry map(Geometry before) {
        int[] shape = before.shape();
        int[] padded = new int[3];
        for (int d = 0; d < 3; d++) {
            padded[d] = shape[d] + this.before[d] + after[d];
        }
        return before.mapped(padded, new double[] {1, 1, 1},
                new double[] {-this.before[0], -this.before[1], -this.before[2]});
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        Geometry padded = map(volume.geometry());
        float[] out = new float[volume.channels() * padded.voxelCount()];
        int[] shape = volume.geometry().shape();
        Boxes.copy(volume.data(), shape, new int[3], out, padded.shape(), before, shape, volume.channels());
        return Volume.wrap(padded, volume.channels(), out);
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        float[] out = new float[volume.channels() * before.voxelCount()];
        Boxes.copy(volume.data(), volume.geometry().shape(), this.before, out, before.shape(), new int[3],
                before.shape(), volume.channels());
        return Volume.wrap(before, volume.channels(), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pad p && Arrays.equals(before, p.before) && Arrays.equals(after, p.after);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(before) + Arrays.hashCode(after);
    }

    @Override
    public String toString() {
        return "Pad[before=" + Arrays.toString(before) + ", after=" + Arrays.toString(after) + "]";
    }
}
