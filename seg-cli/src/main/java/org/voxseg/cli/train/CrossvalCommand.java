package org.voxseg.cli.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voxseg.cli.ConsoleProgress;
import org.voxseg.cli.DeviceOption;
import org.voxseg.core.api.CrossValidation;
import org.voxseg.core.api.TrainingOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg crossval}: trains every fold of the config's split (one after the other, or at the same time on
 * several devices), or only sets the folds up.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = "Train every fold of the config's cross-validation into DIR/fold_k and summarise the Dice.")
public final class CrossvalCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--setup-only", description = "Only write the split and each fold's config (to train folds on "
            + "several machines with voxseg train --config DIR/fold_k/config.json --output-dir DIR/fold_k).")
    boolean setupOnly;

    @Option(names = "--devices", split = ",", paramLabel = "D,D,...", converter = DeviceOption.Parser.class,
            description = "Train folds at the same time, one per device (e.g. gpu:0,gpu:1), each in its own process "
                    + "logging to fold_k/train.log; then summarise as usual.")
    List<DeviceRequest> devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load(TrainingOverrides.builder());
        if (setupOnly) {
            List<Path> folds = new CrossValidation(config, options.outputDir).setUp(new ConsoleProgress(out(),
                    options.quiet));
            folds.forEach(f -> out().println("voxseg train --config " + f.resolve("config.json")
                    + " --output-dir " + f));
            out().println("set up " + folds.size() + " folds in " + options.outputDir);
            return 0;
        }
        List<CrossValidation.FoldResult> results;
        ConsoleProgress progress = new ConsoleProgress(out(), options.quiet);
        if (devices != null) {
            DeviceOption.requireVisible("--devices", devices);
        }
        try (Voxseg voxseg = ConfigOptions.voxseg(config)) {
            results = devices == null ? voxseg.crossValidate(config, options.outputDir, progress)
                    : voxseg.crossValidate(config, options.outputDir, progress, devices);
        }
        double mean = results.stream().mapToDouble(CrossValidation.FoldResult::meanDice).average().orElse(Double.NaN);
        for (CrossValidation.FoldResult r : results) {
            out().printf(Locale.ROOT, "fold %d: best mean Dice %.4f at epoch %d%n", r.fold(), r.meanDice(),
                    r.bestEpoch());
        }
        out().printf(Locale.ROOT, "cross-validation: mean Dice %.4f over %d folds; summary in %s%n", mean,
                results.size(), options.outputDir.resolve(CrossValidation.SUMMARY));
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
