package org.voxseg.core.api;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line descriptions of failures, shared by the command line and the Fiji commands. */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** A one-line description of {@code e}, naming the file for the usual file-system failures. */
    public static String describe(Throwable e) {
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
