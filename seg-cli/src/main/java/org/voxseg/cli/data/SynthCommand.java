package org.voxseg.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.data.synthetic.SyntheticBrats;
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

    @Option(names = "--shape", split = ",", defaultValue = "64,64,48", paramLabel = "X,Y,Z",
            description = "Voxels per case (default: ${DEFAULT-VALUE}).")
    int[] shape;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be positive: " + cases);
        }
        new SyntheticBrats(shape, seed).write(out, cases);
        out().println("wrote " + cases + " synthetic BraTS case(s) of " + shape[0] + "x" + shape[1] + "x"
                + shape[2] + " voxels to " + out);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
