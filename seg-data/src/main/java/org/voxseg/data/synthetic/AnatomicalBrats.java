package org.voxseg.data.synthetic;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * BraTS-like cases on a real brain, for measuring accuracy where the demo's ellipsoids are too easy: a skull-stripped
 * T1-weighted anatomy (MRIcron's {@code ch2bet}) resampled per case onto an oblique, anisotropic grid of about 2 mm,
 * with an irregular tumour ({@link Lesion}: merged blobs with ragged edges, patchy enhancement, sometimes a small
 * satellite focus), grey and white matter and CSF contrasted per modality as flair, t1, t1ce and t2 show them,
 * partial-volume edges, a scanner gain, a smooth bias field and noise. Labels are BraTS 2020's (1 necrotic and
 * non-enhancing core, 2 oedema, 4 enhancing), cases are named {@code BraTS20_Anat_NNN}.
 */
public final class AnatomicalBrats implements SyntheticDataset {

    /** Normal tissue intensity per modality (flair, t1, t1ce, t2) of CSF (index 0) and white matter (index 2). */
    private static final double[][] TISSUE = {
        {140, 260, 250, 900},
        {430, 480, 450, 560},
        {360, 700, 660, 380},
    };
    /** Margin of the grid around the brain, in millimetres. */
    private static final double MARGIN_MM = 6;

    private final Volume anatomy;
    private final float[] values;
    private final Affine worldToAnatomy;
    private final double csf;
    private final double whiteMatter;
    private final double[][] brainCorners;
    private final long seed;

    /**
     * @param anatomy a skull-stripped brain (0 outside it) whose intensity rises from CSF to white matter, as a
     *     T1-weighted image's does
     * @param seed case {@code n} depends only on the seed and n
     */
    public AnatomicalBrats(Volume anatomy, long seed) {
        this.anatomy = anatomy;
        this.values = anatomy.toArray();
        this.worldToAnatomy = anatomy.geometry().affine().inverse();
        double[] range = brainRange(values);
        this.csf = range[0];
        this.whiteMatter = range[1];
        this.brainCorners = brainCorners(anatomy);
        this.seed = seed;
    }

    /** The anatomy read from a NIfTI file. */
    public static AnatomicalBrats read(Path anatomyFile, long seed) throws IOException {
        return new AnatomicalBrats(NiftiReader.read(anatomyFile).volume(), seed);
    }

    @Override
    public SyntheticCase generate(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Geometry grid = ObliqueGrid.covering(brainCorners, MARGIN_MM, random);
        Lesion lesion = Lesion.random(random, brainCorners, this::insideWhiteMatter);
        double gain = 0.7 + 0.6 * random.nextDouble();
        double[] bias = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
        int[] shape = grid.shape().toArray();
        int voxels = grid.voxelCount();
        float[] labels = new float[voxels];
        float[] image = new float[4 * voxels];
        double[] centre = ObliqueGrid.centre(brainCorners);
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++, at++) {
                    double[] world = grid.affine().apply(i, j, k);
                    double t1 = anatomyAt(world);
                    if (t1 < 0.3 * csf) {
                        continue;
                    }
                    Lesion.Point tumour = lesion.at(world);
                    labels[at] = tumour.label();
                    double whiteness = Math.min(1, Math.max(0, (t1 - csf) / (whiteMatter - csf)));
                    double field = 1 + 0.004 * (bias[0] * (world[0] - centre[0]) + bias[1] * (world[1] - centre[1])
                            + bias[2] * (world[2] - centre[2]));
                    for (int c = 0; c < 4; c++) {
                        double value = tumour.intensity(c, normalTissue(c, whiteness));
                        value = gain * field * value + 25 * random.nextGaussian();
                        image[c * voxels + at] = (float) Math.max(1, Math.rint(value));
                    }
                }
            }
        }
        String id = String.format(Locale.ROOT, "BraTS20_Anat_%03d", index);
        return new SyntheticCase(id, Volume.wrap(grid, 4, image), Volume.wrap(grid, 1, labels));
    }

    /** Normal tissue's intensity in modality {@code c}, piecewise linear from CSF through grey to white matter. */
    private static double normalTissue(int c, double whiteness) {
        double grey = 0.5;
        return whiteness < grey
                ? TISSUE[0][c] + (TISSUE[1][c] - TISSUE[0][c]) * whiteness / grey
                : TISSUE[1][c] + (TISSUE[2][c] - TISSUE[1][c]) * (whiteness - grey) / (1 - grey);
    }

    /** Whether the point lies in white matter at least {@code depth} millimetres inside the brain along each axis. */
    private boolean insideWhiteMatter(double[] world, double depth) {
        if (anatomyAt(world) < csf + 0.6 * (whiteMatter - csf)) {
            return false;
        }
        for (int axis = 0; axis < 3; axis++) {
            for (double sign : new double[] {-1, 1}) {
                double[] probe = world.clone();
                probe[axis] += sign * depth;
                if (anatomyAt(probe) < 0.3 * csf) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The anatomy's intensity at a world point, trilinear, 0 outside. */
    private double anatomyAt(double[] world) {
        double[] v = worldToAnatomy.apply(world[0], world[1], world[2]);
        int[] shape = anatomy.geometry().shape().toArray();
        int i0 = (int) Math.floor(v[0]);
        int j0 = (int) Math.floor(v[1]);
        int k0 = (int) Math.floor(v[2]);
        if (i0 < 0 || j0 < 0 || k0 < 0 || i0 + 1 >= shape[0] || j0 + 1 >= shape[1] || k0 + 1 >= shape[2]) {
            return 0;
        }
        double fi = v[0] - i0;
        double fj = v[1] - j0;
        double fk = v[2] - k0;
        double sum = 0;
        for (int dk = 0; dk < 2; dk++) {
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    double w = (di == 0 ? 1 - fi : fi) * (dj == 0 ? 1 - fj : fj) * (dk == 0 ? 1 - fk : fk);
                    sum += w * values[((k0 + dk) * shape[1] + j0 + dj) * shape[0] + i0 + di];
                }
            }
        }
        return sum;
    }

    /** The lowest and highest brain intensity worth calling CSF and white matter: percentiles 5 and 95. */
    private static double[] brainRange(float[] values) {
        float[] brain = new float[values.length];
        int count = 0;
        for (float v : values) {
            if (v > 0) {
                brain[count++] = v;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the anatomy holds no brain: every voxel is 0");
        }
        float[] sorted = Arrays.copyOf(brain, count);
        Arrays.sort(sorted);
        return new double[] {sorted[count / 20], sorted[count - 1 - count / 20]};
    }

    /** The world coordinates of the 8 corners of the brain's bounding box. */
    private static double[][] brainCorners(Volume anatomy) {
        int[] shape = anatomy.geometry().shape().toArray();
        int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] high = {-1, -1, -1};
        FloatBuffer data = anatomy.channel(0);
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++, at++) {
                    if (data.get(at) > 0) {
                        int[] ijk = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            low[a] = Math.min(low[a], ijk[a]);
                            high[a] = Math.max(high[a], ijk[a]);
                        }
                    }
                }
            }
        }
        double[][] corners = new double[8][];
        for (int c = 0; c < 8; c++) {
            corners[c] = anatomy.geometry().affine().apply((c & 1) == 0 ? low[0] : high[0],
                    (c & 2) == 0 ? low[1] : high[1], (c & 4) == 0 ? low[2] : high[2]);
        }
        return corners;
    }
}
