package org.voxseg.data.evaluation;

import java.io.IOException;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * A prediction and its reference cut to the box around the foreground of either, one voxel wider on every side, so
 * that postprocessing and scoring touch a tumour's neighbourhood rather than the whole head. Components, Dice and
 * HD95 are the same as on the whole grid: everything outside the box is background in both maps, and the extra
 * voxel keeps the box's border from creating surface voxels.
 *
 * <p>A class, not a record: it carries voxel arrays, which a record would compare by identity. The arrays are the
 * pair's own; callers read them and copy before they change anything.
 */
final class CroppedPair {

    private final String caseId;
    private final float[] prediction;
    private final float[] reference;
    private final int[] shape;
    private final double[] spacing;

    /**
     * @param caseId the case
     * @param prediction the predicted labels in the box (x fastest)
     * @param reference the reference labels in the box
     * @param shape the box's size along (x, y, z)
     * @param spacing the reference's voxel size in mm
     */
    private CroppedPair(String caseId, float[] prediction, float[] reference, int[] shape, double[] spacing) {
        this.caseId = caseId;
        this.prediction = prediction;
        this.reference = reference;
        this.shape = shape;
        this.spacing = spacing;
    }

    /** Reads a pair's two files (already {@link SegmentationPairs#validate validated}) and crops them. */
    static CroppedPair read(SegmentationPairs.Pair pair) throws IOException {
        float[] predicted = NiftiReader.read(pair.prediction()).volume().toArray();
        Volume reference = NiftiReader.read(pair.reference()).volume();
        Geometry grid = reference.geometry();
        return crop(pair.caseId(), predicted, reference.toArray(), grid.shape().toArray(), grid.spacing().toArray());
    }

    /** The two maps over a grid of {@code shape} cut to their foreground's box plus one voxel. */
    static CroppedPair crop(String caseId, float[] predicted, float[] actual, int[] shape, double[] spacing) {
        int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] high = {-1, -1, -1};
        int nx = shape[0];
        int ny = shape[1];
        for (int v = 0; v < predicted.length; v++) {
            if (predicted[v] != 0 || actual[v] != 0) {
                int[] at = {v % nx, v / nx % ny, v / (nx * ny)};
                for (int a = 0; a < 3; a++) {
                    low[a] = Math.min(low[a], at[a]);
                    high[a] = Math.max(high[a], at[a]);
                }
            }
        }
        if (high[0] < 0) {
            return new CroppedPair(caseId, new float[1], new float[1], new int[] {1, 1, 1}, spacing);
        }
        int[] box = new int[3];
        for (int a = 0; a < 3; a++) {
            low[a] = Math.max(0, low[a] - 1);
            high[a] = Math.min(shape[a] - 1, high[a] + 1);
            box[a] = high[a] - low[a] + 1;
        }
        float[] p = new float[box[0] * box[1] * box[2]];
        float[] r = new float[p.length];
        int i = 0;
        for (int z = low[2]; z <= high[2]; z++) {
            for (int y = low[1]; y <= high[1]; y++) {
                int row = nx * (y + ny * z);
                System.arraycopy(predicted, row + low[0], p, i, box[0]);
                System.arraycopy(actual, row + low[0], r, i, box[0]);
                i += box[0];
            }
        }
        return new CroppedPair(caseId, p, r, box, spacing.clone());
    }

    /** The volume of one voxel in mm^3. */
    double voxelVolume() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    String caseId() {
        return caseId;
    }

    /** The predicted labels in the box (x fastest): the pair's own array. */
    float[] prediction() {
        return prediction;
    }

    /** The reference labels in the box: the pair's own array. */
    float[] reference() {
        return reference;
    }

    /** The box's size along (x, y, z). */
    int[] shape() {
        return shape.clone();
    }

    /** The reference's voxel size in mm along (x, y, z). */
    double[] spacing() {
        return spacing.clone();
    }
}
