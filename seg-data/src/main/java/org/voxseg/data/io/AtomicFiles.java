package org.voxseg.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files through a temporary sibling renamed into place, so that a reader, or a run interrupted half-way,
 * never sees a half-written file and a failed write never destroys the previous good one. Temporary files are named
 * {@code .NAME.RANDOM.part} and created with the process umask, like any file the user creates; a kill can leave
 * one behind, which {@link #removeStale} clears.
 */
public final class AtomicFiles {

    private static final String PART = ".part";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Deletes the temporary files that writes into {@code folder} left when they were killed: names of the form
     * {@code .NAME.part}. Call it only while no write into the folder is under way (e.g. holding its lock).
     *
     * @return how many were deleted
     */
    public static int removeStale(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(folder)) {
            stale = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(".") && name.endsWith(PART) && Files.isRegularFile(f);
            }).toList();
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
        return stale.size();
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}; the caller closes it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically: the content goes to a temporary file in the same folder, which replaces
     * {@code target} only once it is complete and closed. On any failure the temporary file is removed and
     * {@code target} is left as it was.
     *
     * @throws IOException if the folder does not exist or is not writable, or writing fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), Character.MAX_RADIX) + PART);
        try {
            // CREATE_NEW: a fresh file with the umask's permissions (createTempFile would make it owner-only).
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temporary, absolute);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
