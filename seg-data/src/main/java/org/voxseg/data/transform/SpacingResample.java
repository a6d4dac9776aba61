package org.voxseg.data.transform;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.geometry.Vector3;
import org.voxseg.data.volume.Volume;

/**
 * MONAI's {@code Spacing} resampling ({@code monai/transforms/spatial/array.py} {@code Spacing.__call__}, with
 * {@code compute_shape_offset} and {@code zoom_affine} of {@code monai/data/utils.py}): voxel p of the new grid
 * samples index {@code p * scale + offset} of the old one along each axis, where {@code scale} is the new spacing over
 * the old; {@code Invertd} samples the inverse map. Positions past the edge take the edge value (MONAI's default
 * {@code padding_mode="border"}).
 *
 * @param shape voxels of the new grid along (x, y, z)
 * @param scale old voxels per new voxel along each axis
 * @param offset the old index of new voxel 0 along each axis
 * @param grid MONAI's choices: the extent rule, the interpolation and the inverse's interpolation
 */
public record SpacingResample(Extent shape, Vector3 scale, Vector3 offset, SpacingGrid grid) implements GridStep {

    /** How far from a right angle two axes of a file may be (cosine) for MONAI's grid to be axis by axis. */
    private static final double SHEAR_TOLERANCE = 1e-6;
    /** MONAI's {@code AFFINE_TOL}, under which it leaves an image as it is. */
    private static final double IDENTITY_TOLERANCE = 1e-3;

    public SpacingResample {
        if (!shape.isPositive()) {
            throw new IllegalArgumentException("a spacing resample needs a positive shape: " + shape);
        }
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(offset, "offset");
    }

    /**
     * MONAI's resampling of {@code geometry} to {@code spacing}: {@code round((n - 1) s / s' + 1)} voxels from the
     * first voxel centre (without {@code scale_extent}), or {@code round(n s / s')} voxels starting at old index
     * {@code (n / n' - 1) / 2} (with it; the world offset's sign taken from the first corner's, as MONAI does).
     * Rounding is half to even, as NumPy's.
     *
     * @throws IllegalArgumentException if the file's axes are not at right angles (MONAI's grid would then mix them)
     */
    public static SpacingResample of(Geometry geometry, Spacing spacing, SpacingGrid grid) {
        Affine affine = geometry.affine();
        requireRightAngles(affine);
        int[] old = geometry.shape().toArray();
        int[] shape = new int[3];
        double[] scale = new double[3];
        double[] offset = new double[3];
        for (int d = 0; d < 3; d++) {
            double ratio = affine.columnNorm(d) / spacing.get(d);
            shape[d] = (int) Math.max(1, Math.rint(grid.scaleExtent() ? old[d] * ratio : (old[d] - 1) * ratio + 1));
            scale[d] = 1 / ratio;
        }
        if (grid.scaleExtent()) {
            double[] corner = affine.apply(-0.5, -0.5, -0.5);
            double[] start = new double[3];
            for (int d = 0; d < 3; d++) {
                start[d] = 0.5 * ((double) old[d] / shape[d] - 1);
            }
            double[] world = affine.apply(start[0], start[1], start[2]);
            for (int d = 0; d < 3; d++) {
                world[d] = Math.abs(world[d]) * Math.signum(corner[d]);
            }
            offset = affine.inverse().apply(world[0], world[1], world[2]);
        }
        return new SpacingResample(Extent.of(shape), Vector3.of(scale), Vector3.of(offset), grid);
    }

    private static void requireRightAngles(Affine affine) {
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double dot = 0;
                for (int r = 0; r < 3; r++) {
                    dot += affine.get(r, a) * affine.get(r, b);
                }
                if (Math.abs(dot) > SHEAR_TOLERANCE * affine.columnNorm(a) * affine.columnNorm(b)) {
                    throw new IllegalArgumentException("the file's voxel axes are not at right angles (a sheared "
                            + "affine); MONAI's spacing grid is reproduced for axes at right angles only");
                }
            }
        }
    }

    /**
     * Whether the step keeps every voxel where it is on {@code before}'s grid, so MONAI skips it (within its
     * {@code AFFINE_TOL}, 1e-3).
     */
    public boolean isIdentity(Geometry before) {
        for (int d = 0; d < 3; d++) {
            if (shape.get(d) != before.size(d) || Math.abs(scale.get(d) - 1) > IDENTITY_TOLERANCE
                    || Math.abs(offset.get(d)) > IDENTITY_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Geometry map(Geometry before) {
        return before.mapped(shape, scale, offset);
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        int[] from = volume.geometry().shape().toArray();
        double[][] positions = new double[3][];
        for (int d = 0; d < 3; d++) {
            positions[d] = positions(shape.get(d), from[d], scale.get(d), offset.get(d), grid.alignCorners());
        }
        return sample(volume, map(volume.geometry()), positions, interpolation == Interpolation.NEAREST
                ? Interpolation.NEAREST : grid.mode());
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        double[][] positions = new double[3][];
        for (int d = 0; d < 3; d++) {
            positions[d] = positions(before.size(d), shape.get(d), 1 / scale.get(d), -offset.get(d) / scale.get(d),
                    grid.inverseAlignCorners());
        }
        return sample(volume, before, positions, interpolation == Interpolation.NEAREST ? Interpolation.NEAREST
                : grid.inverseMode());
    }

    /**
     * Where each of {@code size} new voxels samples an axis of {@code from} old ones, for the index map
     * {@code p * a + b}. With corners aligned, MONAI normalises the map for centres ({@code to_norm_affine}) but
     * samples with {@code align_corners=True}, which moves every position but the centre's.
     */
    private static double[] positions(int size, int from, double a, double b, boolean alignCorners) {
        double[] positions = new double[size];
        for (int p = 0; p < size; p++) {
            if (alignCorners) {
                double centred = size > 1 ? p * size / (size - 1.0) - 0.5 : 0;
                positions[p] = (a * centred + b + 0.5) * (from - 1.0) / from;
            } else {
                positions[p] = p * a + b;
            }
        }
        return positions;
    }

    private static Volume sample(Volume volume, Geometry target, double[][] positions, Interpolation interpolation) {
        int[] current = volume.geometry().shape().toArray();
        FloatBuffer data = volume.data();
        for (int axis = 0; axis < 3; axis++) {
            data = FloatBuffer.wrap(AxisSampling.along(data, current, volume.channels(), axis, positions[axis],
                    interpolation));
            current[axis] = positions[axis].length;
        }
        return Volume.wrap(target, volume.channels(), data.array());
    }
}
