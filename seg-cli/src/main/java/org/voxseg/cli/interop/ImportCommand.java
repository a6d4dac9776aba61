package org.voxseg.cli.interop;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code voxseg import}: the parent of the import sources. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Make a run folder from a model trained elsewhere, for predict, evaluate and Fiji.",
        subcommands = {TorchScriptImportCommand.class, BundleImportCommand.class, ExportedImportCommand.class})
public final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to import: torchscript, "
                + "monai-bundle or exported");
    }
}
