package org.voxseg.cli.interop;

import org.voxseg.core.interop.TorchScriptImport;
import picocli.CommandLine.Option;

/** {@code --stride-divisor}: what an imported network's window sides must be multiples of, when no file says. */
public final class StrideDivisorOption {

    @Option(names = "--stride-divisor", defaultValue = "1", paramLabel = "N",
            description = "Window sides must be multiples of this, the network's total down-sampling (default: "
                    + "${DEFAULT-VALUE}).")
    int strideDivisor;

    /** {@code builder} with the divisor given. */
    TorchScriptImport.Builder applyTo(TorchScriptImport.Builder builder) {
        return builder.strideDivisor(strideDivisor);
    }
}
