package org.voxseg.cli.fiji;

import ai.djl.ndarray.NDManager;
import java.io.File;
import java.io.IOException;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.training.Trainer;
import org.voxseg.core.workflow.TrainingRun;

/**
 * Trains a 3D U-Net from a config into a run folder, as {@code voxseg train} does (resuming a folder that holds
 * latest.ckpt), with progress on Fiji's status bar and one log line per epoch.
 */
@Plugin(type = Command.class, menuPath = FijiMenus.TRAIN, headless = true)
public final class TrainCommand extends FijiCommand {

    @Parameter(label = "Config (JSON)", style = FileWidget.OPEN_STYLE)
    private File config;

    @Parameter(label = "Run folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File folder;

    @Parameter(label = "Epochs (0: the config's)", min = "0")
    private int epochs;

    @Parameter
    private StatusService status;

    @Override
    protected void execute() throws IOException {
        RunConfig run = RunConfig.read(config.toPath());
        run = run.withTraining(run.training().with(epochs > 0 ? epochs : null, null, null, null, null));
        if (run.training().threads() > 0) {
            TorchRuntime.useThreads(run.training().threads());
        }
        Trainer.Outcome outcome;
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            outcome = new TrainingRun(run, folder.toPath(), new FijiTrainingProgress(status, log())).run(manager);
        }
        status.clearStatus();
        log().info("voxseg: " + outcome.summary() + "; run folder " + folder);
    }
}
