package org.voxseg.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.data.synthetic.AnatomicalBrats;
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

    private static final int[] DEFAULT_SHAPE = {64, 64, 48};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be positive: " + cases);
        }
        if (anatomy != null && shape != null) {
            throw new IllegalArgumentException("--shape cannot be given with --anatomy, whose grid covers the brain");
        }
        SyntheticDataset dataset = anatomy != null ? AnatomicalBrats.read(anatomy, seed)
                : new SyntheticBrats(shape != null ? shape : DEFAULT_SHAPE, seed);
        dataset.write(out, cases);
        out().println("wrote " + cases + " synthetic BraTS case(s) to " + out);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
