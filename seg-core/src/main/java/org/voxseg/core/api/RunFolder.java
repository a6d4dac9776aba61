package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.TorchScriptModel;
import org.voxseg.core.training.CheckpointSeries;

/**
 * The files of a self-describing run folder: {@code config.json} (the resolved config), {@code model.json},
 * {@code split.json}, {@code training_log.csv}, {@code progress.png} and the checkpoints. Prediction needs nothing
 * else.
 */
public final class RunFolder {

    public static final String CONFIG = "config.json";
    public static final String MODEL = ModelDescription.FILE;
    public static final String SPLIT = "split.json";

    private RunFolder() {
    }

    /**
     * The checkpoint that {@code runOrCheckpoint} names: the file itself, or in a run folder {@code best.ckpt},
     * else {@code final.ckpt}, else {@code latest.ckpt}, else (a folder made by {@code voxseg import}) the imported
     * model's {@code model.ts}.
     *
     * @throws NoSuchFileException if there is no such file or folder
     * @throws ConfigException if the folder holds no checkpoint
     */
    public static Path checkpoint(Path runOrCheckpoint) throws IOException {
        if (Files.isRegularFile(runOrCheckpoint)) {
            return runOrCheckpoint;
        }
        if (!Files.isDirectory(runOrCheckpoint)) {
            throw new NoSuchFileException(runOrCheckpoint.toString());
        }
        for (String name : List.of(CheckpointSeries.BEST, CheckpointSeries.FINAL, CheckpointSeries.LATEST,
                TorchScriptModel.FILE)) {
            Path candidate = runOrCheckpoint.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ConfigException(runOrCheckpoint + ": not a run folder (no best.ckpt, final.ckpt, latest.ckpt or "
                + TorchScriptModel.FILE + ")");
    }

    /**
     * The {@code model.json} that describes {@code checkpoint}: the one in its folder.
     *
     * @throws ConfigException if there is none
     */
    public static Path modelDescription(Path checkpoint) throws IOException {
        Path file = checkpoint.toAbsolutePath().getParent().resolve(MODEL);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(checkpoint + ": no " + MODEL + " beside the checkpoint; a checkpoint needs the"
                    + " run folder it was written in");
        }
        return file;
    }
}
