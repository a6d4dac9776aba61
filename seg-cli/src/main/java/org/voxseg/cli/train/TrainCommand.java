package org.voxseg.cli.train;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.cli.ConsoleProgress;
import org.voxseg.core.api.ConfigChange;
import org.voxseg.core.api.TrainingOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.training.CheckpointSeries;
import org.voxseg.core.training.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg train}: trains one fold of a config into a self-describing run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a 3D U-Net from a config into a run folder (resumed when it holds latest.ckpt).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--fold", paramLabel = "K", description = "Train fold K of the config's cross-validation split.")
    Integer fold;

    @Option(names = "--resume", description = "Require a checkpoint to resume from (without it a run folder with "
            + "latest.ckpt is resumed anyway).")
    boolean resume;

    @Option(names = "--force-config-change", description = "Resume a run folder even though the config differs in "
            + "more than epochs, early stopping, threads, checkpoint keeping or prediction settings.")
    boolean forceConfigChange;

    @Option(names = "--pretrained", paramLabel = "RUN_OR_CHECKPOINT",
            description = "Start from another run's weights (matching tensors load, the rest are listed).")
    String pretrained;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load(TrainingOverrides.builder().fold(fold)
                .pretrained(pretrained == null ? null : Path.of(pretrained)));
        Path latest = options.outputDir.resolve(CheckpointSeries.LATEST);
        if (resume && !Files.exists(latest)) {
            throw new NoSuchFileException(latest + " (nothing to resume)");
        }
        TrainingOutcome outcome;
        try (Voxseg voxseg = ConfigOptions.voxseg(config)) {
            outcome = voxseg.train(config, options.outputDir, new ConsoleProgress(out(), options.quiet),
                    forceConfigChange ? ConfigChange.ACCEPT : ConfigChange.REFUSE);
        }
        out().println(outcome.summary() + "; run folder " + options.outputDir);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
