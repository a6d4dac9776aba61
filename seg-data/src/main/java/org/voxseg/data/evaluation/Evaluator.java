package org.voxseg.data.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.voxseg.data.volume.Volume;

/** Scores predicted label maps against reference label maps, structure by structure. */
public final class Evaluator {

    private final List<Structure> structures;
    private final EmptyMaskConvention convention;

    public Evaluator(List<Structure> structures, EmptyMaskConvention convention) {
        this.structures = List.copyOf(structures);
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /**
     * The scores of one case; distances use the reference's spacing.
     *
     * @throws IllegalArgumentException if the two maps are not one-channel volumes of one shape
     */
    public CaseScores evaluate(String caseId, Volume prediction, Volume reference) {
        if (prediction.channels() != 1 || reference.channels() != 1
                || !Arrays.equals(prediction.geometry().shape(), reference.geometry().shape())) {
            throw new IllegalArgumentException(caseId + ": prediction " + prediction + " and reference " + reference
                    + " are not label maps of one shape");
        }
        float[] predicted = prediction.toArray();
        float[] actual = reference.toArray();
        int[] shape = reference.geometry().shape();
        double[] spacing = reference.geometry().spacing();
        double[] dice = new double[structures.size()];
        double[] distance = new double[structures.size()];
        for (int s = 0; s < structures.size(); s++) {
            boolean[] p = structures.get(s).mask(predicted);
            boolean[] r = structures.get(s).mask(actual);
            dice[s] = SegmentationMetrics.dice(p, r, convention);
            distance[s] = SegmentationMetrics.hausdorff95(p, r, shape, spacing, convention);
        }
        return new CaseScores(caseId, structures.stream().map(Structure::name).toList(), dice, distance);
    }
}
