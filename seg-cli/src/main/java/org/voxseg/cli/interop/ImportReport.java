package org.voxseg.cli.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.interop.TorchScriptImport;

/** Runs an import and says in two lines what the run folder now holds and how to use it. */
final class ImportReport {

    private ImportReport() {
    }

    /** Imports into {@code output}, reporting to {@code out}; the exit code. */
    static int importInto(TorchScriptImport modelImport, Path output, PrintWriter out) throws IOException {
        try (Voxseg voxseg = Voxseg.builder().build()) {
            voxseg.importModel(modelImport, output);
        }
        ModelDescription description = modelImport.description();
        out.println("imported " + description.torchscript().source() + " into " + output + ": channels "
                + String.join(",", description.channels()) + "; outputs " + String.join(",",
                description.outputNames()) + " (" + description.outputActivation().toString().toLowerCase(Locale.ROOT)
                + "); roi " + description.inference().roi() + "; axes " + description.torchscript().axes()
                + "; blending " + description.inference().blend());
        out.println("predict with: voxseg predict --model " + output + " --input CASES --output DIR");
        return 0;
    }
}
