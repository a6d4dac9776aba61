package org.voxseg.fiji;

import java.io.File;
import java.io.IOException;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.core.api.TrainingOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.training.TrainingOutcome;

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

    @Parameter(label = "Device (empty: the config's)", required = false, persist = false,
            description = "auto (GPU 0 when libtorch sees one, else the CPU), cpu, gpu or gpu:N.")
    private String device = "";

    @Parameter
    private StatusService status;

    @Override
    protected void execute() throws IOException {
        RunConfig run = TrainingOverrides.builder().epochs(epochs > 0 ? epochs : null)
                .device(device.isBlank() ? null : DeviceRequest.parse(device)).build()
                .applyTo(RunConfig.read(config.toPath()));
        TrainingOutcome outcome;
        try (Voxseg voxseg = Voxseg.builder().threads(run.training().threads()).build()) {
            outcome = voxseg.train(run, folder.toPath(), new FijiTrainingProgress(status, log()));
        }
        status.clearStatus();
        log().info("voxseg: " + outcome.summary() + "; run folder " + folder);
    }
}
