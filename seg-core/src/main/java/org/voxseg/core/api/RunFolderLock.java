package org.voxseg.core.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.voxseg.core.config.ConfigException;

/**
 * A run folder held by one training at a time: an exclusive lock on {@code run.lock} in the folder, which names the
 * holder's process id. A second training of the same folder, in this process or another, fails at once naming the
 * holder. The operating system releases the lock when its process dies, so a killed run never blocks the next.
 */
final class RunFolderLock implements AutoCloseable {

    /** The lock file's name. */
    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code folder} if needed and locks it.
     *
     * @throws ConfigException if another training holds it, naming that training's process
     */
    static RunFolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw inUse(folder, file);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new RunFolderLock(channel, lock);
    }

    /**
     * Refuses {@code folder} if another training holds it, without creating anything: the check before a run's
     * cases are prepared, so that its lock file appears only once the dataset has passed.
     *
     * @throws ConfigException if another training holds it, naming that training's process
     */
    static void requireFree(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(folder, file);
            }
            lock.release();
        }
    }

    private static ConfigException inUse(Path folder, Path file) {
        return new ConfigException(folder + ": the run folder is in use by another training (process "
                + holder(file) + "); wait for it to end or choose another folder");
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
