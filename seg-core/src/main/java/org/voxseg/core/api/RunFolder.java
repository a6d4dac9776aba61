package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * @throws ConfigException if the folder holds no checkpoint, saying why (a cross-validation folder, a run before
     *     its first epoch ended) and what to give instead
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
        throw new ConfigException(runOrCheckpoint + ": " + whyNoModel(runOrCheckpoint));
    }

    /** Why a folder holds no model, and what to give instead: the usual mistakes first. */
    private static String whyNoModel(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> folds = entries.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("fold_[0-9]+")).sorted().toList();
            if (!folds.isEmpty()) {
                return "a cross-validation folder; give its folds' run folders, which are averaged (--model "
                        + folds.stream().map(fold -> folder.resolve(fold).toString()).collect(Collectors.joining(" "))
                        + ")";
            }
        }
        if (Files.isRegularFile(folder.resolve(MODEL)) || Files.isRegularFile(folder.resolve(CONFIG))) {
            return "the run has no checkpoint yet (" + CheckpointSeries.LATEST + " is written when its first epoch "
                    + "ends); wait for that, or give a run that has trained";
        }
        return "not a run folder (no best.ckpt, final.ckpt, latest.ckpt or " + TorchScriptModel.FILE + "); give a "
                + "folder written by voxseg train or voxseg import";
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
