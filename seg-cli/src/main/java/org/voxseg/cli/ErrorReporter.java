package org.voxseg.cli;

import java.util.function.BooleanSupplier;
import org.voxseg.core.api.FailureMessages;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on standard error ("voxseg: ...") and exit code 1; the stack trace is shown only
 * with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("voxseg: " + FailureMessages.describe(e));
        if (verbose.getAsBoolean()) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return FAILURE;
    }
}
