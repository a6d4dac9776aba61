package org.voxseg.cli;

import java.util.Locale;

/** The {@code voxseg} executable: runs the command line and exits with its code (0 ok, 1 failure, 2 usage). */
public final class VoxsegMain {

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
        System.exit(code);
    }
}
