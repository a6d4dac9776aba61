package org.voxseg.core.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run folder: {@code latest.ckpt} after every epoch, {@code best.ckpt} when the monitored
 * metric improves, optionally {@code epoch_NNNN.ckpt} every N epochs keeping only the newest K, and
 * {@code final.ckpt} at the end. Every file is written to a temporary file and renamed into place.
 *
 * <p>{@code latest.ckpt} is written last: it is the commit point of an epoch. A run killed between files resumes
 * from the previous epoch and, since a resumed run repeats an epoch exactly, writes the same files again; so
 * {@code best.ckpt} and the periodic checkpoints are never older than what {@code latest.ckpt} says.
 *
 * @param folder the run folder
 * @param every keep an {@code epoch_NNNN.ckpt} every this many epochs (0: never)
 * @param keepLast how many {@code epoch_NNNN.ckpt} to keep, newest first (0: all)
 * @param writer how a checkpoint reaches its file (tests inject failures here)
 */
public record CheckpointSeries(Path folder, int every, int keepLast, Writer writer) {

    /** Writes one checkpoint file. */
    @FunctionalInterface
    public interface Writer {
        /** Writes {@code checkpoint} to {@code file}, atomically. */
        void write(Path file, Checkpoint checkpoint) throws IOException;
    }

    /** The checkpoint a run continues from. */
    public static final String LATEST = "latest.ckpt";
    public static final String BEST = "best.ckpt";
    public static final String FINAL = "final.ckpt";

    private static final Pattern PERIODIC = Pattern.compile("epoch_\\d{4,}\\.ckpt");

    public CheckpointSeries {
        if (every < 0 || keepLast < 0) {
            throw new IllegalArgumentException("checkpoint interval and count must not be negative");
        }
    }

    /** The series written with {@link CheckpointFile#write}. */
    public CheckpointSeries(Path folder, int every, int keepLast) {
        this(folder, every, keepLast, CheckpointFile::write);
    }

    /** The checkpoint to resume from, if the folder has one. */
    public Path latest() {
        return folder.resolve(LATEST);
    }

    /** Writes the checkpoints due after an epoch. */
    public void afterEpoch(Checkpoint checkpoint, boolean best) throws IOException {
        if (every > 0 && checkpoint.epoch() % every == 0) {
            String name = String.format(Locale.ROOT, "epoch_%04d.ckpt", checkpoint.epoch());
            writer.write(folder.resolve(name), checkpoint);
            prune();
        }
        if (best) {
            writer.write(folder.resolve(BEST), checkpoint);
        }
        writer.write(folder.resolve(LATEST), checkpoint);
    }

    /** Writes {@code final.ckpt}. */
    public void atEnd(Checkpoint checkpoint) throws IOException {
        writer.write(folder.resolve(FINAL), checkpoint);
    }

    /** The periodic checkpoints, oldest first. */
    public List<Path> periodic() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> PERIODIC.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private void prune() throws IOException {
        if (keepLast == 0) {
            return;
        }
        List<Path> existing = periodic();
        for (Path old : existing.subList(0, Math.max(0, existing.size() - keepLast))) {
            Files.deleteIfExists(old);
        }
    }
}
