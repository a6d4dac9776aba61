package org.voxseg.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.function.BooleanSupplier;
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
        commandLine.getErr().println("voxseg: " + describe(e));
        if (verbose.getAsBoolean()) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return FAILURE;
    }

    /** A one-line description of {@code e}, naming the file for the usual file-system failures. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + message;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder: " + message;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + message;
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
