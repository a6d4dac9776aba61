package org.voxseg.cli;

import org.voxseg.cli.bench.BenchCommand;
import org.voxseg.cli.data.DatasetCommand;
import org.voxseg.cli.data.SynthCommand;
import org.voxseg.cli.info.InfoCommand;
import org.voxseg.cli.interop.ExportCommand;
import org.voxseg.cli.interop.ImportCommand;
import org.voxseg.cli.predict.EvaluateCommand;
import org.voxseg.cli.predict.PredictCommand;
import org.voxseg.cli.train.CrossvalCommand;
import org.voxseg.cli.train.LrFindCommand;
import org.voxseg.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code voxseg} command: global options and the list of subcommands. */
@Command(name = "voxseg",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train and run 3D segmentation networks on NIfTI volumes.",
        subcommands = {SynthCommand.class, DatasetCommand.class, TrainCommand.class, PredictCommand.class,
            EvaluateCommand.class, LrFindCommand.class, CrossvalCommand.class, ImportCommand.class, ExportCommand.class,
            InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class VoxsegCommand implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors and debug detail.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line: exit codes, error handling and help as every voxseg front end expects. */
    public static CommandLine commandLine() {
        VoxsegCommand root = new VoxsegCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler(new ErrorReporter(() -> root.verbose));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        shareVersion(commandLine, new VersionProvider());
        return commandLine;
    }

    /** Every subcommand's {@code --version} prints the root's text (the launcher may set up a subcommand apart). */
    private static void shareVersion(CommandLine command, VersionProvider version) {
        for (CommandLine subcommand : command.getSubcommands().values()) {
            subcommand.getCommandSpec().versionProvider(version);
            shareVersion(subcommand, version);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
