package org.voxseg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of running {@code voxseg} in-process: exit code and what it printed. */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs the voxseg command line with {@code args}, capturing both streams. */
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = VoxsegCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
