package org.voxseg.cli.interop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voxseg.cli.OutputPathConverter;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.interop.SafetensorsExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg export}: a trained network for the Python world. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a trained network for PyTorch: model.safetensors (PyTorch parameter names), "
                + "voxseg_unet.py (a module that rebuilds the network from model.json, standard torch only), "
                + "model.json and preprocessing.json.")
public final class ExportCommand implements Callable<Integer> {

    /** The export formats. */
    enum Format {
        SAFETENSORS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "RUN_OR_CHECKPOINT",
            description = "A run folder (its best checkpoint) or a checkpoint of a network voxseg trained.")
    Path model;

    @Option(names = "--format", defaultValue = "safetensors", paramLabel = "safetensors",
            description = "The format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, converter = OutputPathConverter.class, required = true, paramLabel = "DIR",
            description = "A new or empty folder to write (created if missing); never a run folder.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Voxseg voxseg = Voxseg.builder().build()) {
            voxseg.exportModel(model, output);
        }
        spec.commandLine().getOut().println("exported " + model + " to " + output + ": "
                + SafetensorsExport.WEIGHTS + ", " + SafetensorsExport.MODULE + ", model.json, "
                + SafetensorsExport.PREPROCESSING + " (load in Python: import voxseg_unet; "
                + "net = voxseg_unet.load(\"" + output + "\"))");
        return 0;
    }
}
