package org.voxseg.spark;

/** The {@code voxseg-spark} application: runs its command line and exits with its code (0 ok, 1 failure, 2 usage). */
public final class VoxsegSparkMain {

    private VoxsegSparkMain() {
    }

    /** Runs {@code voxseg-spark} with {@code args}; spark-submit calls this as the application's main class. */
    public static void main(String[] args) {
        System.exit(VoxsegSparkCommand.commandLine().execute(args));
    }
}
