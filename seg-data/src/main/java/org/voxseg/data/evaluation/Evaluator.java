package org.voxseg.data.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.volume.Volume;

/**
 * Scores predicted label maps against reference label maps, structure by structure, and, when asked, each
 * structure lesion-wise too (BraTS 2023's scores, as a structure named {@code <structure>_lesionwise}).
 */
public final class Evaluator {

    /** What a structure's lesion-wise scores are named after. */
    public static final String LESION_WISE_SUFFIX = "_lesionwise";

    private final List<Structure> structures;
    private final EmptyMaskConvention convention;
    private final Optional<LesionWiseRule> lesionWise;

    public Evaluator(List<Structure> structures, EmptyMaskConvention convention) {
        this(structures, convention, Optional.empty());
    }

    /** An evaluator that adds each structure's lesion-wise scores under {@code rule}, if given. */
    public Evaluator(List<Structure> structures, EmptyMaskConvention convention, Optional<LesionWiseRule> lesionWise) {
        this.structures = List.copyOf(structures);
        this.convention = Objects.requireNonNull(convention, "convention");
        this.lesionWise = Objects.requireNonNull(lesionWise, "lesionWise");
    }

    /**
     * The scores of one case; distances use the reference's spacing.
     *
     * @throws IllegalArgumentException if the two maps are not one-channel volumes of one shape
     */
    public CaseScores evaluate(String caseId, Volume prediction, Volume reference) {
        if (prediction.channels() != 1 || reference.channels() != 1
                || !prediction.geometry().shape().equals(reference.geometry().shape())) {
            throw new IllegalArgumentException(caseId + ": prediction " + prediction + " and reference " + reference
                    + " are not label maps of one shape");
        }
        float[] predicted = prediction.toArray();
        float[] actual = reference.toArray();
        int[] shape = reference.geometry().shape().toArray();
        double[] spacing = reference.geometry().spacing().toArray();
        int columns = lesionWise.isPresent() ? 2 * structures.size() : structures.size();
        double[] dice = new double[columns];
        double[] distance = new double[columns];
        List<String> names = new ArrayList<>(structures.stream().map(Structure::name).toList());
        for (int s = 0; s < structures.size(); s++) {
            boolean[] p = structures.get(s).mask(predicted);
            boolean[] r = structures.get(s).mask(actual);
            dice[s] = SegmentationMetrics.dice(p, r, convention);
            distance[s] = SegmentationMetrics.hausdorff95(p, r, shape, spacing, convention);
            if (lesionWise.isPresent()) {
                LesionWiseScores lesions = LesionWiseScores.of(p, r, shape, spacing, lesionWise.get());
                dice[structures.size() + s] = lesions.dice();
                distance[structures.size() + s] = lesions.hausdorff95();
                names.add(structures.get(s).name() + LESION_WISE_SUFFIX);
            }
        }
        return CaseScores.of(caseId, names, dice, distance);
    }
}
