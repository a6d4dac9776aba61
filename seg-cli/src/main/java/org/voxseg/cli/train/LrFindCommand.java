package org.voxseg.cli.train;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voxseg.core.api.LearningRateSearch;
import org.voxseg.core.api.TrainingOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.training.LearningRateFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg lr-find}: the LR range test (MONAI semantics) on a config's network and data. */
@Command(name = "lr-find", mixinStandardHelpOptions = true,
        description = "Run an LR range test; writes lr_finder.csv and lr_finder.png and prints the suggested rate.")
public final class LrFindCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--start-lr", defaultValue = "1e-7", description = "First rate (default: ${DEFAULT-VALUE}).")
    double startRate;

    @Option(names = "--end-lr", defaultValue = "10", description = "Last rate (default: ${DEFAULT-VALUE}).")
    double endRate;

    @Option(names = "--iterations", defaultValue = "100", description = "Most batches (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load(TrainingOverrides.builder());
        LearningRateFinder finder = new LearningRateFinder(startRate, endRate, iterations, true, 0.05, 5);
        LearningRateFinder.Result result;
        try (Voxseg voxseg = ConfigOptions.voxseg(config)) {
            result = voxseg.findLearningRate(config, finder, options.outputDir);
        }
        out().printf(Locale.ROOT, "suggested learning rate %.3g (steepest descent of the smoothed loss over %d "
                + "batches); %s and %s in %s%n", result.suggestion(), result.rates().size(), LearningRateSearch.CSV,
                LearningRateSearch.PLOT, options.outputDir);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
