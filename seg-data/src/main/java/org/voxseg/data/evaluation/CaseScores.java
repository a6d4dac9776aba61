package org.voxseg.data.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * One case's scores: Dice and Hausdorff 95 per structure, in the evaluator's structure order.
 *
 * @param caseId the case
 * @param structures structure names
 * @param dice Dice per structure
 * @param hausdorff95 Hausdorff 95 per structure, in mm
 */
public record CaseScores(String caseId, List<String> structures, List<Double> dice, List<Double> hausdorff95) {

    public CaseScores {
        structures = List.copyOf(structures);
        dice = List.copyOf(dice);
        hausdorff95 = List.copyOf(hausdorff95);
    }

    /** A case's scores from arrays of one value per structure. */
    public static CaseScores of(String caseId, List<String> structures, double[] dice, double[] hausdorff95) {
        return new CaseScores(caseId, structures, Arrays.stream(dice).boxed().toList(),
                Arrays.stream(hausdorff95).boxed().toList());
    }
}
