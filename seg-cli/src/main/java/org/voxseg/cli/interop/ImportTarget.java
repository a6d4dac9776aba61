package org.voxseg.cli.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.voxseg.cli.OutputPathConverter;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.interop.TorchScriptImport;
import org.voxseg.core.prediction.WindowPadding;
import picocli.CommandLine.Option;

/**
 * The options every import shares (the run folder to write, the trial's time limit), and the import itself, reported
 * in two lines: what the run folder now holds and how to use it.
 */
public final class ImportTarget {

    @Option(names = "--trial-seconds", defaultValue = "300", paramLabel = "S",
            description = "How long the model may take for its trial window of zeros before it is refused "
                    + "(default: ${DEFAULT-VALUE}).")
    long trialSeconds;

    @Option(names = {"-o", "--output"}, converter = OutputPathConverter.class, required = true, paramLabel = "RUN",
            description = "The run folder to write (new, or empty).")
    Path output;

    /** Imports what {@code builder} describes into the run folder, reporting to {@code out}; the exit code. */
    int importInto(TorchScriptImport.Builder builder, PrintWriter out) throws IOException {
        return importInto(builder.trialLimit(trialLimit()).build(), out);
    }

    /** How long the trial window may take ({@code --trial-seconds}). */
    Duration trialLimit() {
        if (trialSeconds < 1) {
            throw new IllegalArgumentException("--trial-seconds must be at least 1, not " + trialSeconds);
        }
        return Duration.ofSeconds(trialSeconds);
    }

    /** Imports {@code modelImport} into the run folder, reporting to {@code out}; the exit code. */
    int importInto(TorchScriptImport modelImport, PrintWriter out) throws IOException {
        try (Voxseg voxseg = Voxseg.builder().build()) {
            voxseg.importModel(modelImport, output);
        }
        ModelDescription description = modelImport.description();
        out.println("imported " + description.torchscript().source() + " into " + output + ": channels "
                + String.join(",", description.channels()) + "; outputs " + String.join(",",
                description.outputNames()) + " (" + description.outputActivation().toString().toLowerCase(Locale.ROOT)
                + "); roi " + description.prediction().roi() + "; axes " + description.torchscript().axes()
                + "; blending " + description.prediction().blend() + " with " + description.prediction().mode()
                .toString().toLowerCase(Locale.ROOT) + " weights, overlap " + description.prediction().overlap()
                + extras(description));
        out.println("predict with: voxseg predict --model " + output + " --input CASES --output DIR");
        return 0;
    }

    /** The window's padding when it is not zeros, and the postprocessing the model carries, if any. */
    private static String extras(ModelDescription description) {
        WindowPadding padding = description.prediction().paddingMode();
        return (padding == WindowPadding.CONSTANT ? "" : ", padding " + padding.toString().toLowerCase(Locale.ROOT))
                + (description.postprocessing() == null ? "" : "; postprocessing: "
                + description.postprocessing().postprocessing().describe());
    }
}
