package org.voxseg.spark.evaluate;

import java.io.IOException;
import java.io.Serial;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.voxseg.core.api.FailureMessages;
import org.voxseg.data.evaluation.CaseScores;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;
import org.voxseg.spark.job.CaseStatus;
import org.voxseg.spark.job.TaskPlace;

/**
 * The task of one case, on an executor: copy its two label maps to a local folder and score them with seg-data's
 * {@link SegmentationPairs} (the checks and numbers of {@code voxseg evaluate}). A failure is the case's row.
 */
final class ScoreCase implements Function<PairRef, ScoreResult> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ScoringSettings settings;
    private final HadoopSettings hadoop;

    ScoreCase(ScoringSettings settings, HadoopSettings hadoop) {
        this.settings = settings;
        this.hadoop = hadoop;
    }

    @Override
    public ScoreResult call(PairRef pair) throws IOException {
        long started = System.nanoTime();
        try (LocalStage stage = LocalStage.create(hadoop)) {
            try {
                if (pair.reference() == null) {
                    throw new IOException("no reference for case " + pair.id());
                }
                SegmentationPairs one = new SegmentationPairs(List.of(new SegmentationPairs.Pair(pair.id(),
                        stage.fetch(pair.prediction()), stage.fetch(pair.reference()))));
                CaseScores scores = one.evaluate(settings.structures(), settings.empty().convention()).cases().get(0);
                return new ScoreResult(pair.id(), CaseStatus.OK, null, seconds(started), TaskPlace.executor(),
                        scores.dice(), scores.hausdorff95());
            } catch (IOException | RuntimeException e) {
                return new ScoreResult(pair.id(), CaseStatus.FAILED, stage.remoteNames(FailureMessages.describe(e)),
                        seconds(started), TaskPlace.executor(), List.of(), List.of());
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
