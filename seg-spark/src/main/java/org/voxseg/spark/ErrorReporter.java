package org.voxseg.spark;

import java.util.function.BooleanSupplier;
import org.voxseg.core.api.FailureMessages;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of the job as a whole (no model, no input, no Spark master) into one line on standard error
 * ("voxseg-spark: ...") and exit code 1; the stack trace only with {@code --verbose}. A failed case is no such
 * failure: it is a row of the results table.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("voxseg-spark: " + FailureMessages.describe(e));
        if (verbose.getAsBoolean()) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return FAILURE;
    }
}
