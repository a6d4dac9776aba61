package org.voxseg.spark;

import org.voxseg.spark.evaluate.EvaluateCommand;
import org.voxseg.spark.predict.PredictCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code voxseg-spark} command: global options and the subcommands. */
@Command(name = "voxseg-spark", mixinStandardHelpOptions = true,
        description = "Predict and evaluate many cases with voxseg models as an Apache Spark application.",
        subcommands = {PredictCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class VoxsegSparkCommand implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line: exit codes, one-line errors and help as {@code voxseg}'s. */
    public static CommandLine commandLine() {
        VoxsegSparkCommand root = new VoxsegSparkCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler(new ErrorReporter(() -> root.verbose));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
