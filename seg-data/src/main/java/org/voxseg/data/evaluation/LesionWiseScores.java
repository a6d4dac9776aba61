package org.voxseg.data.evaluation;

import java.util.BitSet;
import org.voxseg.data.label.ConnectedComponents;
import org.voxseg.data.label.ConnectedComponents.Connectivity;

/**
 * BraTS 2023's lesion-wise Dice and HD95 of one structure (docs/reference.md): each reference lesion (components
 * merged when their dilations touch) is scored against the predicted components that touch its dilation; a lesion
 * nothing touches scores Dice 0 and HD95 374 mm; every predicted component that touches no lesion is a false
 * positive scoring the same; the case's score is the mean over scored lesions and false positives (Dice 1 and HD95
 * 0 when there are none). HD95 is voxseg's ({@link SegmentationMetrics#hausdorff95}).
 *
 * @param dice the lesion-wise Dice
 * @param hausdorff95 the lesion-wise HD95 (mm)
 * @param detected scored reference lesions some predicted component touches
 * @param missed scored reference lesions no predicted component touches
 * @param falsePositives predicted components that touch no reference lesion
 */
public record LesionWiseScores(double dice, double hausdorff95, int detected, int missed, int falsePositives) {

    /** The HD95 the challenge gives a missed lesion or a false positive: the diagonal of its 240x240x155 grid. */
    public static final double MISSED_DISTANCE = 374;

    /** The scores of {@code prediction} against {@code reference}, masks on a grid of {@code shape}. */
    public static LesionWiseScores of(boolean[] prediction, boolean[] reference, int[] shape, double[] spacing,
            LesionWiseRule rule) {
        ConnectedComponents lesions = ConnectedComponents.of(Dilation.of(reference, shape, rule.dilation()), shape,
                Connectivity.FULL);
        ConnectedComponents predicted = ConnectedComponents.of(prediction, shape, Connectivity.FULL);
        double voxelVolume = spacing[0] * spacing[1] * spacing[2];
        BitSet matchedAny = new BitSet(predicted.count());
        double diceSum = 0;
        double distanceSum = 0;
        int detected = 0;
        int missed = 0;
        for (int lesion = 0; lesion < lesions.count(); lesion++) {
            boolean[] own = new boolean[reference.length];
            int size = 0;
            for (int v = 0; v < reference.length; v++) {
                if (reference[v] && lesions.componentOf(v) == lesion) {
                    own[v] = true;
                    size++;
                }
            }
            BitSet matched = touching(predicted, prediction, Dilation.of(own, shape, rule.dilation()));
            matchedAny.or(matched);
            if (size * voxelVolume <= rule.minimumVolume()) {
                continue;
            }
            boolean[] match = new boolean[prediction.length];
            for (int v = 0; v < prediction.length; v++) {
                match[v] = prediction[v] && matched.get(predicted.componentOf(v));
            }
            diceSum += SegmentationMetrics.dice(match, own, EmptyMaskConvention.brats());
            distanceSum += matched.isEmpty() ? MISSED_DISTANCE
                    : SegmentationMetrics.hausdorff95(match, own, shape, spacing, EmptyMaskConvention.brats());
            detected += matched.isEmpty() ? 0 : 1;
            missed += matched.isEmpty() ? 1 : 0;
        }
        int falsePositives = predicted.count() - matchedAny.cardinality();
        int scored = detected + missed + falsePositives;
        return scored == 0 ? new LesionWiseScores(1, 0, 0, 0, 0)
                : new LesionWiseScores(diceSum / scored, (distanceSum + falsePositives * MISSED_DISTANCE) / scored,
                        detected, missed, falsePositives);
    }

    /** The predicted components with a voxel inside {@code region}. */
    private static BitSet touching(ConnectedComponents predicted, boolean[] prediction, boolean[] region) {
        BitSet components = new BitSet(predicted.count());
        for (int v = 0; v < region.length; v++) {
            if (region[v] && prediction[v]) {
                components.set(predicted.componentOf(v));
            }
        }
        return components;
    }

    /** Binary dilation by the 18-neighbourhood (faces and edges), repeated; voxels beyond the grid count as empty. */
    private static final class Dilation {

        private Dilation() {
        }

        static boolean[] of(boolean[] mask, int[] shape, int iterations) {
            boolean[] current = mask.clone();
            for (int i = 0; i < iterations; i++) {
                current = once(current, shape);
            }
            return current;
        }

        private static boolean[] once(boolean[] mask, int[] shape) {
            int nx = shape[0];
            int ny = shape[1];
            int nz = shape[2];
            boolean[] out = new boolean[mask.length];
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        if (mask[x + nx * (y + ny * z)]) {
                            spread(out, x, y, z, nx, ny, nz);
                        }
                    }
                }
            }
            return out;
        }

        /** Marks the voxel and its 18 neighbours (offsets with at most two non-zero coordinates). */
        private static void spread(boolean[] out, int x, int y, int z, int nx, int ny, int nz) {
            for (int dz = -1; dz <= 1; dz++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nxp = x + dx;
                        int nyp = y + dy;
                        int nzp = z + dz;
                        if (Math.abs(dx) + Math.abs(dy) + Math.abs(dz) <= 2 && nxp >= 0 && nyp >= 0 && nzp >= 0
                                && nxp < nx && nyp < ny && nzp < nz) {
                            out[nxp + nx * (nyp + ny * nzp)] = true;
                        }
                    }
                }
            }
        }
    }
}
