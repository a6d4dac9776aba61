package org.voxseg.data.evaluation;

import java.util.List;

/**
 * One case's scores: Dice and Hausdorff 95 per structure, in the evaluator's structure order.
 *
 * @param caseId the case
 * @param structures structure names
 * @param dice Dice per structure
 * @param hausdorff95 Hausdorff 95 per structure, in mm
 */
public record CaseScores(String caseId, List<String> structures, double[] dice, double[] hausdorff95) {

    public CaseScores {
        structures = List.copyOf(structures);
        dice = dice.clone();
        hausdorff95 = hausdorff95.clone();
    }

    @Override
    public double[] dice() {
        return dice.clone();
    }

    @Override
    public double[] hausdorff95() {
        return hausdorff95.clone();
    }
}
