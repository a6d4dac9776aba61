package org.voxseg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voxseg.core.api.RunListener;
import org.voxseg.core.training.EpochSummary;
import org.voxseg.core.training.TrainingState;

/**
 * Training progress on the console: a progress bar per epoch (and for preprocessing and whole-case
 * validation) with the running loss and rate, then one summary line per epoch. Quiet mode prints the summary
 * lines only, for log files.
 */
public final class ConsoleProgress implements RunListener {

    private final PrintWriter out;
    private final boolean quiet;
    private ProgressBar bar;
    private double lossSum;

    public ConsoleProgress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /** A progress bar on standard error for {@code total} units of {@code task}, or none when quiet. */
    public static ProgressBar bar(String task, long total, boolean quiet) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err));
        return quiet ? null : builder.build();
    }

    @Override
    public void casePrepared(String caseId, int done, int total) {
        caseDone("preprocess", caseId, done, total);
    }

    @Override
    public void caseValidated(String caseId, int done, int total) {
        caseDone("validate", caseId, done, total);
    }

    /** Moves the bar of a per-case task (started at its first case) to case {@code done} of {@code total}. */
    private void caseDone(String task, String caseId, int done, int total) {
        if (bar == null) {
            bar = bar(task, total, quiet);
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(caseId);
        }
        if (done == total) {
            closeBar();
        }
    }

    @Override
    public void epochStarted(int epoch, int epochs, int iterations) {
        lossSum = 0;
        bar = bar(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), iterations, quiet);
    }

    @Override
    public void stepEnded(StepResult step) {
        lossSum += step.loss();
        if (bar != null) {
            bar.stepTo(step.iteration());
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", lossSum / step.iteration()));
        }
    }

    @Override
    public void validationStarted(int epoch, int batches) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, validating on %d batch(es)",
                    lossSum / bar.getMax(), batches));
            bar.refresh();
        }
    }

    @Override
    public void epochEnded(TrainingState state) {
        closeBar();
        out.println(EpochSummary.line(state));
        out.flush();
    }

    @Override
    public void note(String message) {
        closeBar();
        out.println(message);
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
