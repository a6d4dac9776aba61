package org.voxseg.data.transform;

import java.util.Objects;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Vector3;
import org.voxseg.data.volume.Volume;

/**
 * Adds zero voxels before and after each axis; inverting crops them off.
 *
 * @param before voxels added before the first voxel along each axis
 * @param after voxels added after the last voxel along each axis
 */
public record Pad(Extent before, Extent after) implements GridStep {

    public Pad {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The padding of {@code before} and {@code after} voxels, both {@code [x, y, z]}. */
    public Pad(int[] before, int[] after) {
        this(Extent.of(before), Extent.of(after));
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

    /** Whether the step adds no voxel. */
    public boolean isEmpty() {
        return before.isZero() && after.isZero();
    }

    @Override
    public Geometry map(Geometry before) {
        Extent shape = before.shape();
        Extent padded = new Extent(shape.x() + this.before.x() + after.x(), shape.y() + this.before.y() + after.y(),
                shape.z() + this.before.z() + after.z());
        return before.mapped(padded, Vector3.uniform(1),
                new Vector3(-this.before.x(), -this.before.y(), -this.before.z()));
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        Geometry padded = map(volume.geometry());
        float[] out = new float[volume.channels() * padded.voxelCount()];
        int[] shape = volume.geometry().shape().toArray();
        Boxes.copy(volume.data(), shape, new int[3], out, padded.shape().toArray(), before.toArray(), shape,
                volume.channels());
        return Volume.wrap(padded, volume.channels(), out);
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        float[] out = new float[volume.channels() * before.voxelCount()];
        int[] shape = before.shape().toArray();
        Boxes.copy(volume.data(), volume.geometry().shape().toArray(), this.before.toArray(), out, shape, new int[3],
                shape, volume.channels());
        return Volume.wrap(before, volume.channels(), out);
    }
}
