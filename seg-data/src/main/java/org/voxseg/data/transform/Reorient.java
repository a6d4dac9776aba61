package org.voxseg.data.transform;

import java.util.ArrayList;
import java.util.List;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * Reorients a case to given axis codes by permuting and flipping its voxel axes, as MONAI's {@code Orientation}
 * ({@code monai/transforms/spatial/array.py}, nibabel's {@code ornt_transform}) does: no value is interpolated, and
 * the affine changes so that every voxel keeps its world position. Undone exactly.
 *
 * @param sourceAxis for each new axis, the old axis it is
 * @param flipped for each new axis, whether it runs against the old one
 */
public record Reorient(List<Integer> sourceAxis, List<Boolean> flipped) implements GridStep {

    private static final String[] DIRECTIONS = {"LR", "PA", "IS"};

    public Reorient {
        sourceAxis = List.copyOf(sourceAxis);
        flipped = List.copyOf(flipped);
        if (sourceAxis.size() != 3 || flipped.size() != 3) {
            throw new IllegalArgumentException("a reorientation names three axes");
        }
    }

    /**
     * The reorientation of {@code geometry} (axis codes as {@link Geometry#axisCodes}) to {@code codes}, e.g. RAS.
     *
     * @throws IllegalArgumentException if {@code codes} are not three letters naming the three world axes
     */
    public static Reorient to(Geometry geometry, String codes) {
        if (!isValid(codes)) {
            throw new IllegalArgumentException("axis codes '" + codes + "' should name each of L/R, P/A, I/S once");
        }
        String current = geometry.axisCodes();
        List<Integer> source = new ArrayList<>();
        List<Boolean> flip = new ArrayList<>();
        boolean[] used = new boolean[3];
        for (int d = 0; d < 3; d++) {
            int old = worldAxisOf(current, worldAxis(codes.charAt(d)));
            if (old < 0 || used[old]) {
                throw new IllegalArgumentException("the file's axes " + current + " do not each run along one world "
                        + "axis; it cannot be reoriented to " + codes);
            }
            used[old] = true;
            source.add(old);
            flip.add(current.charAt(old) != codes.charAt(d));
        }
        return new Reorient(source, flip);
    }

    /** Whether {@code codes} name each world axis once, e.g. RAS, LPS, PIL. */
    public static boolean isValid(String codes) {
        if (codes == null || codes.length() != 3) {
            return false;
        }
        boolean[] seen = new boolean[3];
        for (int d = 0; d < 3; d++) {
            int world = worldAxis(codes.charAt(d));
            if (world < 0 || seen[world]) {
                return false;
            }
            seen[world] = true;
        }
        return true;
    }

    private static int worldAxis(char code) {
        for (int w = 0; w < 3; w++) {
            if (DIRECTIONS[w].indexOf(code) >= 0) {
                return w;
            }
        }
        return -1;
    }

    private static int worldAxisOf(String codes, int world) {
        for (int d = 0; d < 3; d++) {
            if (worldAxis(codes.charAt(d)) == world) {
                return d;
            }
        }
        return -1;
    }

    /** Whether the step changes nothing. */
    public boolean isIdentity() {
        for (int d = 0; d < 3; d++) {
            if (sourceAxis.get(d) != d || flipped.get(d)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Geometry map(Geometry before) {
        double[][] rows = new double[3][4];
        int[] shape = new int[3];
        for (int d = 0; d < 3; d++) {
            int old = sourceAxis.get(d);
            shape[d] = before.size(old);
            rows[old][d] = flipped.get(d) ? -1 : 1;
            rows[old][3] = flipped.get(d) ? before.size(old) - 1 : 0;
        }
        return before.reindexed(Extent.of(shape), Affine.fromRows(rows[0], rows[1], rows[2]));
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        Geometry after = map(volume.geometry());
        return Volume.wrap(after, volume.channels(), copy(volume, after.shape().toArray(), false));
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        return Volume.wrap(before, volume.channels(), copy(volume, before.shape().toArray(), true));
    }

    /**
     * The values of {@code volume} on a grid of {@code shape}: the reoriented grid, or with {@code back} the
     * original one.
     */
    private float[] copy(Volume volume, int[] shape, boolean back) {
        int[] from = volume.geometry().shape().toArray();
        int voxels = shape[0] * shape[1] * shape[2];
        float[] out = new float[volume.channels() * voxels];
        int[] axes = sourceAxis.stream().mapToInt(Integer::intValue).toArray();
        boolean[] flips = {flipped.get(0), flipped.get(1), flipped.get(2)};
        int[] index = new int[3];
        int[] source = new int[3];
        int at = 0;
        for (int c = 0; c < volume.channels(); c++) {
            for (index[2] = 0; index[2] < shape[2]; index[2]++) {
                for (index[1] = 0; index[1] < shape[1]; index[1]++) {
                    for (index[0] = 0; index[0] < shape[0]; index[0]++) {
                        for (int d = 0; d < 3; d++) {
                            int old = axes[d];
                            if (back) {
                                source[d] = flips[d] ? shape[old] - 1 - index[old] : index[old];
                            } else {
                                source[old] = flips[d] ? from[old] - 1 - index[d] : index[d];
                            }
                        }
                        out[at++] = volume.get(c, source[0], source[1], source[2]);
                    }
                }
            }
        }
        return out;
    }
}
