package org.voxseg.fiji;

import java.util.Locale;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.voxseg.core.api.RunListener;
import org.voxseg.core.training.EpochSummary;
import org.voxseg.core.training.TrainingState;

/** Training progress in Fiji: steps on the status bar, one log line per epoch and for each note. */
final class FijiTrainingProgress implements RunListener {

    private final StatusService status;
    private final LogService log;
    private int epoch;
    private int epochs;
    private int iterations;
    private double lossSum;

    FijiTrainingProgress(StatusService status, LogService log) {
        this.status = status;
        this.log = log;
    }

    @Override
    public void casePrepared(String caseId, int done, int total) {
        status.showStatus(done, total, "voxseg: prepared " + caseId);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int iterations) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.iterations = iterations;
        lossSum = 0;
    }

    @Override
    public void stepEnded(StepResult step) {
        lossSum += step.loss();
        status.showStatus(step.iteration(), iterations, String.format(Locale.ROOT,
                "voxseg: epoch %d/%d, loss %.4f", epoch, epochs, lossSum / step.iteration()));
    }

    @Override
    public void validationStarted(int validatedEpoch, int batches) {
        status.showStatus(String.format(Locale.ROOT, "voxseg: epoch %d/%d, validating on %d batch(es)", epoch,
                epochs, batches));
    }

    @Override
    public void epochEnded(TrainingState state) {
        log.info("voxseg: " + EpochSummary.line(state));
    }

    @Override
    public void note(String message) {
        log.info("voxseg: " + message);
    }
}
