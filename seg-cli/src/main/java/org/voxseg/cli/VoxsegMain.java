package org.voxseg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code voxseg} executable: runs the command line and exits with its code (0 ok, 1 failure, 2 usage). */
public final class VoxsegMain {

    /**
     * The system property naming the file the launcher reads the exit code from when the JVM writes a class-data
     * archive at exit: a JVM that fails to write it exits 1 after the command has finished, whatever the command's
     * own code was.
     */
    static final String STATUS_PROPERTY = "voxseg.launcher.status";

    private VoxsegMain() {
    }

    /**
     * Runs {@code voxseg} with {@code args}. Running out of heap ends it with one line naming the command and the
     * heap, not a stack trace (the inputs' sizes are checked before the big allocations; this is the last guard).
     */
    public static void main(String[] args) {
        int code;
        try {
            code = VoxsegCommand.commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.printf(Locale.ROOT, "voxseg: out of memory with a heap of %d MB while running 'voxseg %s'; "
                    + "give Java more memory (JAVA_OPTS=-Xmx...) or use smaller inputs%n",
                    Runtime.getRuntime().maxMemory() >> 20, String.join(" ", args));
            code = ErrorReporter.FAILURE;
        }
        reportStatus(code);
        System.exit(code);
    }

    /** Writes {@code code} where the launcher asked for it; without that file the launcher goes by the JVM's. */
    private static void reportStatus(int code) {
        String file = System.getProperty(STATUS_PROPERTY);
        if (file == null || file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), code + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // The launcher then exits with the JVM's own code: only a failed archive write can make that wrong.
            return;
        }
    }
}
