package org.voxseg.data.synthetic;

import java.util.Locale;
import java.util.Random;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Vector3;
import org.voxseg.data.volume.Volume;

/**
 * A small BraTS-like dataset for demos and tests, so the project runs end to end with no download: per case an
 * ellipsoidal head, a tumour of nested labels (oedema 2 around a core 1 with an enhancing rim 4) at a random place
 * with random radii, four int16 modalities whose contrasts differ as flair, t1, t1ce and t2 do, Gaussian noise, a
 * smooth multiplicative bias field, and an oblique (non-identity) affine. Written in the BraTS folder layout.
 *
 * @param shape voxels along (x, y, z)
 * @param seed case {@code n} depends only on the seed and n
 */
public record SyntheticBrats(Extent shape, long seed) implements SyntheticDataset {

    /** Label values, as in BraTS. */
    public static final int OEDEMA = 2;
    public static final int NECROTIC_CORE = 1;
    public static final int ENHANCING = 4;

    /** Mean intensity per modality (flair, t1, t1ce, t2) of brain, oedema, necrotic core and enhancing rim. */
    private static final double[][] CONTRASTS = {
        {300, 650, 420, 500},
        {450, 330, 220, 300},
        {450, 380, 260, 900},
        {280, 620, 760, 560},
    };

    public SyntheticBrats {
        if (shape.x() < 16 || shape.y() < 16 || shape.z() < 16) {
            throw new IllegalArgumentException("a synthetic case needs at least 16 voxels along each of 3 axes");
        }
    }

    /** Cases of {@code shape} voxels, given as {@code [x, y, z]}. */
    public SyntheticBrats(int[] shape, long seed) {
        this(Extent.of(shape), seed);
    }

    /** Case {@code index}, named {@code BraTS20_Synth_NNN}. */
    @Override
    public SyntheticCase generate(int index) {
        int[] shape = this.shape.toArray();
        Random random = new Random(seed * 1_000_003L + index);
        Geometry grid = Geometry.of(this.shape, obliqueAffine(random));
        int voxels = grid.voxelCount();
        float[] labels = new float[voxels];
        float[] image = new float[4 * voxels];
        Tumour tumour = Tumour.random(shape, random);
        double[] bias = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++, at++) {
                    double x = 2.0 * i / shape[0] - 1;
                    double y = 2.0 * j / shape[1] - 1;
                    double z = 2.0 * k / shape[2] - 1;
                    if (x * x / 0.81 + y * y / 0.85 + z * z / 0.8 >= 1) {
                        continue;
                    }
                    int label = tumour.labelAt(i, j, k);
                    labels[at] = label;
                    int tissue = switch (label) {
                        case OEDEMA -> 1;
                        case NECROTIC_CORE -> 2;
                        case ENHANCING -> 3;
                        default -> 0;
                    };
                    double field = 1 + 0.2 * (bias[0] * x + bias[1] * y + bias[2] * z);
                    for (int c = 0; c < 4; c++) {
                        double value = field * (CONTRASTS[tissue][c] + 40 * random.nextGaussian());
                        image[c * voxels + at] = (float) Math.max(1, Math.rint(value));
                    }
                }
            }
        }
        String id = String.format(Locale.ROOT, "BraTS20_Synth_%03d", index);
        return new SyntheticCase(id, Volume.wrap(grid, 4, image), Volume.wrap(grid, 1, labels));
    }

    /** About 1 mm voxels, LPS-flipped like BraTS, rotated a few degrees about z, centred on the origin. */
    private Affine obliqueAffine(Random random) {
        double angle = Math.toRadians(5 + 10 * random.nextDouble());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] spacing = {1.0, 1.0, 1.2};
        Affine rotated = Affine.fromRows(
                new double[] {-cos * spacing[0], sin * spacing[1], 0, 0},
                new double[] {-sin * spacing[0], -cos * spacing[1], 0, 0},
                new double[] {0, 0, spacing[2], 0});
        double[] centre = rotated.apply(shape.x() / 2.0, shape.y() / 2.0, shape.z() / 2.0);
        return Affine.fromRows(
                new double[] {-cos * spacing[0], sin * spacing[1], 0, -centre[0]},
                new double[] {-sin * spacing[0], -cos * spacing[1], 0, -centre[1]},
                new double[] {0, 0, spacing[2], -centre[2]});
    }

    /** Nested ellipsoids: oedema, and inside it a core whose outer shell enhances. */
    private record Tumour(Vector3 centre, Vector3 oedemaRadii, Vector3 coreRadii, double rim) {

        static Tumour random(int[] shape, Random random) {
            double[] centre = new double[3];
            double[] oedema = new double[3];
            double[] core = new double[3];
            for (int a = 0; a < 3; a++) {
                centre[a] = shape[a] * (0.35 + 0.3 * random.nextDouble());
                oedema[a] = shape[a] * (0.12 + 0.08 * random.nextDouble());
                core[a] = oedema[a] * (0.45 + 0.2 * random.nextDouble());
            }
            return new Tumour(Vector3.of(centre), Vector3.of(oedema), Vector3.of(core),
                    0.55 + 0.15 * random.nextDouble());
        }

        int labelAt(int i, int j, int k) {
            double core = radius(i, j, k, coreRadii);
            if (core < rim) {
                return NECROTIC_CORE;
            }
            if (core < 1) {
                return ENHANCING;
            }
            return radius(i, j, k, oedemaRadii) < 1 ? OEDEMA : 0;
        }

        private double radius(int i, int j, int k, Vector3 radii) {
            double x = (i - centre.x()) / radii.x();
            double y = (j - centre.y()) / radii.y();
            double z = (k - centre.z()) / radii.z();
            return Math.sqrt(x * x + y * y + z * z);
        }
    }
}
