package org.voxseg.cli.interop;

import org.voxseg.core.interop.OutputLabels;
import picocli.CommandLine.Option;

/** The {@code --regions} or {@code --classes} option: how an imported model's output channels become labels. */
public final class OutputOptions {

    @Option(names = "--regions", paramLabel = "NAME=L+L,...",
            description = "Sigmoid outputs as nested regions in the model's channel order, each with its labels, "
                    + "e.g. TC=1+4,WT=1+2+4,ET=4 (MONAI's BraTS order).")
    String regions;

    @Option(names = "--classes", paramLabel = "NAME=V,...",
            description = "Softmax outputs as exclusive classes in the model's channel order, each with its label "
                    + "value, one of them 0, e.g. background=0,spleen=1.")
    String classes;

    /** The outputs given, or null if neither option was. */
    OutputLabels labels() {
        return regions != null ? OutputLabels.parseRegions(regions)
                : classes != null ? OutputLabels.parseClasses(classes) : null;
    }
}
