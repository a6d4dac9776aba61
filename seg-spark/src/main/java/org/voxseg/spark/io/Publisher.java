package org.voxseg.spark.io;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Puts finished local files in place on any Hadoop file system the way {@code AtomicFiles} does on a local disk:
 * the bytes go to a temporary sibling {@code .NAME.ATTEMPT.part}, unique to each task attempt, which is renamed to
 * the target only once complete. A reader never sees a half-written target, and attempts that Spark runs twice (a
 * retry, a speculative copy) never write into one file; a killed attempt's temporary file is left for
 * {@link #removeStale} once the job is over.
 */
public final class Publisher {

    private static final String PART = ".part";

    private final HadoopSettings hadoop;

    public Publisher(HadoopSettings hadoop) {
        this.hadoop = hadoop;
    }

    /** The temporary name an attempt writes {@code target} under before renaming it. */
    public static Path temporary(Path target, String attempt) {
        return new Path(target.getParent(), "." + target.getName() + "." + attempt + PART);
    }

    /**
     * Copies {@code local} to {@code target} through a temporary sibling named after {@code attempt} (a random part
     * is added, so even a reused attempt name never collides), replacing what was there.
     *
     * @throws IOException if the copy or the rename fails; the temporary file is removed then
     */
    public void publish(java.nio.file.Path local, Path target, String attempt) throws IOException {
        FileSystem fs = hadoop.fileSystem(target);
        // No .crc sidecar files beside the outputs on file systems that checksum locally.
        fs.setWriteChecksum(false);
        Path temporary = temporary(target, attempt + "-" + UUID.randomUUID());
        try {
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), temporary);
            if (!fs.rename(temporary, target)) {
                // HDFS and object stores refuse to rename onto an existing file: replace it.
                fs.delete(target, false);
                if (!fs.rename(temporary, target)) {
                    throw new IOException(target + ": could not rename " + temporary.getName() + " into place");
                }
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(temporary, false);
            throw e;
        }
    }

    /**
     * Deletes the temporary files in {@code folder} that killed attempts left. Call it when no task writes there,
     * i.e. once the job is over.
     *
     * @return how many were deleted
     */
    public int removeStale(Path folder) throws IOException {
        FileSystem fs = hadoop.fileSystem(folder);
        if (!fs.exists(folder)) {
            return 0;
        }
        int removed = 0;
        for (FileStatus file : fs.listStatus(folder)) {
            String name = file.getPath().getName();
            if (file.isFile() && name.startsWith(".") && name.endsWith(PART) && fs.delete(file.getPath(), false)) {
                removed++;
            }
        }
        return removed;
    }
}
