package org.voxseg.cli.interop;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.core.interop.TorchScriptImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg import exported}: a network voxseg exported, traced or scripted in PyTorch, back into a run folder
 * that predicts what the exported run predicts, its description taken from the export.
 */
@Command(name = "exported", mixinStandardHelpOptions = true,
        description = "Import a network that voxseg exported (voxseg export) and PyTorch then traced or scripted: "
                + "channels, labels, preprocessing, padding and sliding window come from the export's model.json.")
public final class ExportedImportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE.ts", description = "The TorchScript file.")
    Path model;

    @Option(names = "--export", required = true, paramLabel = "DIR",
            description = "The folder voxseg export wrote (its model.json describes the network).")
    Path export;

    @Mixin
    ImportTarget target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return target.importInto(TorchScriptImport.ofExport(model, export, target.trialLimit()),
                spec.commandLine().getOut());
    }
}
