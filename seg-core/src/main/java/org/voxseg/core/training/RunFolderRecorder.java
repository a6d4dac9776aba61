package org.voxseg.core.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.schedule.LearningRateSchedule;

/**
 * Keeps a run in its folder, as a listener of the {@link Trainer}: after every epoch the checkpoints of a
 * {@link CheckpointSeries}, {@code training_log.csv} and {@code progress.png}; {@code final.ckpt} at the end. Every
 * file goes through a temporary file renamed into place. {@link #resume} continues a run from its
 * {@code latest.ckpt}.
 */
public final class RunFolderRecorder implements TrainingListener {

    /** The training log's file name. */
    public static final String LOG = "training_log.csv";
    /** The progress plot's file name. */
    public static final String PLOT = "progress.png";

    private final CheckpointSeries checkpoints;
    private final Block network;
    private final Optimizer optimizer;
    private final Optional<LossScaler> lossScaler;
    private final LearningRateSchedule schedule;

    /**
     * Records the training {@code step} does (its network, optimiser and loss scaler) with {@code schedule} into a
     * series.
     */
    public RunFolderRecorder(CheckpointSeries checkpoints, TrainingStep step, LearningRateSchedule schedule) {
        this.checkpoints = checkpoints;
        this.network = step.network();
        this.optimizer = step.optimizer();
        this.lossScaler = step.lossScaler();
        this.schedule = schedule;
    }

    /**
     * Restores the network, optimiser and schedule from the folder's {@code latest.ckpt}, if it has one.
     *
     * @param outputs the run's output names
     * @return where the run stood, or empty for a new run
     * @throws IOException if the checkpoint cannot be read or does not fit the network
     */
    public Optional<TrainingState> resume(List<String> outputs, NDManager manager) throws IOException {
        Path latest = checkpoints.latest();
        if (!Files.exists(latest)) {
            return Optional.empty();
        }
        Checkpoint checkpoint = CheckpointFile.read(latest);
        try {
            checkpoint.restoreInto(network, manager, optimizer, schedule);
            lossScaler.ifPresent(scaler -> checkpoint.lossScaling().ifPresent(scaler::restore));
            return Optional.of(checkpoint.state(outputs));
        } catch (IOException e) {
            throw new IOException(latest + ": " + e.getMessage(), e);
        }
    }

    /** Creates the folder; a resumed run rewrites its log and plot, which a kill may have left an epoch behind. */
    @Override
    public void trainingStarted(TrainingState state, int epochs) throws IOException {
        Files.createDirectories(checkpoints.folder());
        if (state.epoch() > 0) {
            writeLogAndPlot(state);
        }
    }

    @Override
    public void epochEnded(TrainingState state) throws IOException {
        checkpoints.afterEpoch(capture(state), state.latestIsBest());
        writeLogAndPlot(state);
    }

    private void writeLogAndPlot(TrainingState state) throws IOException {
        var series = state.history().toSeries();
        TrainingLog.write(checkpoints.folder().resolve(LOG), series);
        ProgressPlot.write(checkpoints.folder().resolve(PLOT), series);
    }

    @Override
    public void trainingEnded(TrainingOutcome outcome) throws IOException {
        checkpoints.atEnd(capture(outcome.state()));
    }

    private Checkpoint capture(TrainingState state) throws IOException {
        Checkpoint checkpoint = Checkpoint.capture(network, optimizer, schedule, state);
        return lossScaler.map(scaler -> checkpoint.withLossScaling(scaler.state())).orElse(checkpoint);
    }
}
