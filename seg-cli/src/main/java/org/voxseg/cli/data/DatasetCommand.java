package org.voxseg.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code voxseg dataset}: the parent of what voxseg does with a dataset root on its own. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Inspect a dataset as voxseg reads it.",
        subcommands = {DatasetCheckCommand.class})
public final class DatasetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do with the dataset: check");
    }
}
