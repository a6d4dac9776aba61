package org.voxseg.data.transform;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.geometry.Vector3;
import org.voxseg.data.volume.Volume;

/**
 * Resamples to {@code shape} voxels over the same field of view: voxel p of the new grid samples index
 * {@code (p + 0.5) * n / shape - 0.5} of the old one along each axis (half-voxel aligned, as PyTorch's
 * {@code align_corners=False} and nnU-Net's resize), and the geometry is updated to match, so every voxel keeps
 * its world position. Resampling to the same shape returns the volume unchanged.
 *
 * @param shape voxels of the new grid along each axis
 */
public record Resample(Extent shape) implements GridStep {

    public Resample {
        if (!shape.isPositive()) {
            throw new IllegalArgumentException("resampled shape must be positive: " + shape);
        }
    }

    /** The resampling to {@code shape} voxels along (x, y, z). */
    public Resample(int[] shape) {
        this(Extent.of(shape));
    }

    /**
     * The resampling of {@code geometry} to about {@code spacing} (nnU-Net style): each axis gets
     * {@code round(n * spacing_old / spacing_new)} voxels (at least 1), keeping the field of view exactly, so the
     * spacing reached is within half a voxel of the target.
     */
    public static Resample toSpacing(Geometry geometry, Spacing spacing) {
        int[] old = geometry.shape().toArray();
        double[] oldSpacing = geometry.spacing().toArray();
        int[] target = new int[3];
        for (int d = 0; d < 3; d++) {
            target[d] = (int) Math.max(1, Math.round(old[d] * oldSpacing[d] / spacing.get(d)));
        }
        return new Resample(target);
    }

    @Override
    public Geometry map(Geometry before) {
        double[] scale = new double[3];
        double[] offset = new double[3];
        for (int d = 0; d < 3; d++) {
            scale[d] = (double) before.size(d) / shape.get(d);
            offset[d] = 0.5 * scale[d] - 0.5;
        }
        return before.mapped(shape, Vector3.of(scale), Vector3.of(offset));
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        return resample(volume, map(volume.geometry()), interpolation);
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        return resample(volume, before, interpolation);
    }

    private static Volume resample(Volume volume, Geometry target, Interpolation interpolation) {
        int[] from = volume.geometry().shape().toArray();
        int[] to = target.shape().toArray();
        if (Arrays.equals(from, to)) {
            return Volume.wrap(target, volume.channels(), volume.toArray());
        }
        float[] out = interpolation == Interpolation.NEAREST
                ? nearest(volume.data(), from, to, volume.channels())
                : linear(volume.data(), from, to, volume.channels());
        return Volume.wrap(target, volume.channels(), out);
    }

    /** One gather through per-axis index tables. */
    private static float[] nearest(FloatBuffer src, int[] from, int[] to, int channels) {
        int[] xs = nearestIndices(from[0], to[0]);
        int[] ys = nearestIndices(from[1], to[1]);
        int[] zs = nearestIndices(from[2], to[2]);
        int srcChannel = from[0] * from[1] * from[2];
        float[] out = new float[channels * to[0] * to[1] * to[2]];
        int at = 0;
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < to[2]; k++) {
                for (int j = 0; j < to[1]; j++) {
                    int row = c * srcChannel + from[0] * (ys[j] + from[1] * zs[k]);
                    for (int i = 0; i < to[0]; i++) {
                        out[at++] = src.get(row + xs[i]);
                    }
                }
            }
        }
        return out;
    }

    private static int[] nearestIndices(int n, int m) {
        int[] index = new int[m];
        double scale = (double) n / m;
        for (int p = 0; p < m; p++) {
            index[p] = Math.min((int) Math.floor((p + 0.5) * scale), n - 1);
        }
        return index;
    }

    /** Trilinear as three separable linear passes (x, then y, then z): the same weights, far fewer operations. */
    private static float[] linear(FloatBuffer src, int[] from, int[] to, int channels) {
        int[] shape = from.clone();
        FloatBuffer current = src;
        float[] result = null;
        for (int axis = 0; axis < 3; axis++) {
            if (shape[axis] == to[axis]) {
                continue;
            }
            result = linearAlong(current, shape, axis, to[axis], channels);
            shape[axis] = to[axis];
            current = FloatBuffer.wrap(result);
        }
        return result;
    }

    /**
     * Linear resampling along one axis at the centres of {@code size} equal cells over the axis's extent
     * (PyTorch's {@code align_corners=False}), clamped to the edge voxels.
     */
    private static float[] linearAlong(FloatBuffer src, int[] shape, int axis, int size, int channels) {
        double scale = (double) shape[axis] / size;
        double[] positions = new double[size];
        for (int p = 0; p < size; p++) {
            positions[p] = (p + 0.5) * scale - 0.5;
        }
        return AxisSampling.along(src, shape, channels, axis, positions, Interpolation.LINEAR);
    }
}
