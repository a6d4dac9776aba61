package org.voxseg.cli;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.voxseg.core.api.DatasetProblemsException;
import org.voxseg.core.api.FailureMessages;
import org.voxseg.data.dataset.DatasetProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on standard error ("voxseg: ...") and exit code 1; the stack trace is shown only
 * with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;
    /** Dataset problems printed without --verbose; the run's dataset_problems.txt lists them all. */
    private static final int SHOWN_PROBLEMS = 20;

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("voxseg: " + FailureMessages.describe(e));
        if (e instanceof DatasetProblemsException dataset && dataset.problems().size() > 1) {
            List<DatasetProblem> problems = dataset.problems();
            int shown = verbose.getAsBoolean() ? problems.size() : Math.min(problems.size(), SHOWN_PROBLEMS);
            problems.subList(1, shown).forEach(problem -> commandLine.getErr().println("  " + problem));
            if (shown < problems.size()) {
                commandLine.getErr().println("  ... " + (problems.size() - shown) + " more");
            }
        }
        if (verbose.getAsBoolean()) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return FAILURE;
    }
}
