package org.voxseg.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.data.dataset.DatasetLayout;
import org.voxseg.data.synthetic.AnatomicalBrats;
import org.voxseg.data.synthetic.LayoutWriter;
import org.voxseg.data.synthetic.SyntheticBrats;
import org.voxseg.data.synthetic.SyntheticDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg synth}: writes a small BraTS-like dataset, so the project runs end to end with no download. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a synthetic BraTS-like dataset (int16 flair/t1/t1ce/t2, uint8 seg with labels 1, 2, 4).")
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The dataset root (created).")
    Path out;

    @Option(names = "--cases", defaultValue = "10", description = "Number of cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--shape", split = ",", paramLabel = "X,Y,Z",
            description = "Voxels per case (default: 64,64,48; not with --anatomy).")
    int[] shape;

    @Option(names = "--anatomy", paramLabel = "FILE", description = "A skull-stripped T1-weighted brain (.nii or "
            + ".nii.gz, 0 outside the brain): cases are this brain on an oblique grid of about 2 mm with an "
            + "irregular tumour, for measuring accuracy (bench/accuracy.sh).")
    Path anatomy;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layout", defaultValue = "brats2020", paramLabel = "LAYOUT",
            description = "How the cases are laid out and labelled, as each public dataset is: brats2020 (labels 1, 2,"
                    + " 4), brats2023 (BraTS-GLI-00000-000/...-t2f, enhancing 3), decathlon (Task01_BrainTumour: "
                    + "dataset.json, 4-D images) or nnunet (nnU-Net v2 raw, regions) (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--test-cases", defaultValue = "0", paramLabel = "N",
            description = "Write the last N cases without labels, as a test or validation set (all of them for a "
                    + "BraTS validation folder) (default: ${DEFAULT-VALUE}).")
    int testCases;

    /** The choices of {@code --layout}. */
    enum Layout {
        BRATS2020(DatasetLayout.BRATS_2020),
        BRATS2023(DatasetLayout.BRATS_2023),
        DECATHLON(DatasetLayout.DECATHLON),
        NNUNET(DatasetLayout.NNUNET_RAW);

        private final DatasetLayout layout;

        Layout(DatasetLayout layout) {
            this.layout = layout;
        }
    }

    private static final int[] DEFAULT_SHAPE = {64, 64, 48};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be positive: " + cases);
        }
        if (testCases < 0 || testCases > cases) {
            throw new IllegalArgumentException("--test-cases must be from 0 to --cases (" + cases + "): "
                    + testCases);
        }
        if (anatomy != null && shape != null) {
            throw new IllegalArgumentException("--shape cannot be given with --anatomy, whose grid covers the brain");
        }
        SyntheticDataset dataset = anatomy != null ? AnatomicalBrats.read(anatomy, seed)
                : new SyntheticBrats(shape != null ? shape : DEFAULT_SHAPE, seed);
        new LayoutWriter(layout.layout, testCases).write(dataset, out, cases);
        out().println("wrote " + cases + " synthetic BraTS case(s) to " + out + " (" + layout.layout.title()
                + (testCases > 0 ? ", the last " + testCases + " without labels" : "") + ")");
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
