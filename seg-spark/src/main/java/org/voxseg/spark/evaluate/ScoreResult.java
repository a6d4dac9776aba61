package org.voxseg.spark.evaluate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.voxseg.data.evaluation.CaseScores;
import org.voxseg.spark.job.CaseStatus;

/**
 * What a scoring task reports for its case: a row of the scores table.
 *
 * @param id the case
 * @param status ok or failed
 * @param message why it failed (one line), or null
 * @param seconds the task's time for this case
 * @param executor where it ran
 * @param dice Dice per structure (empty when failed)
 * @param hausdorff95 HD95 in mm per structure (empty when failed)
 */
public record ScoreResult(String id, CaseStatus status, String message, double seconds, String executor,
        List<Double> dice, List<Double> hausdorff95) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public ScoreResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        dice = List.copyOf(dice);
        hausdorff95 = List.copyOf(hausdorff95);
    }

    /** The scores as seg-data's report takes them, over {@code structures}. */
    CaseScores scores(List<String> structures) {
        return new CaseScores(id, structures, dice, hausdorff95);
    }
}
