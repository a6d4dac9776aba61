package org.voxseg.cli;

/** The {@code voxseg} executable: runs the command line and exits with its code (0 ok, 1 failure, 2 usage). */
public final class VoxsegMain {

    private VoxsegMain() {
    }

    public static void main(String[] args) {
        System.exit(VoxsegCommand.commandLine().execute(args));
    }
}
