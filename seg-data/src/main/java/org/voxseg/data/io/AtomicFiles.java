package org.voxseg.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files through a temporary sibling renamed into place, so that a reader, or a run interrupted half-way,
 * never sees a half-written file and a failed write never destroys the previous good one. Temporary files are named
 * {@code .NAME.PID-RANDOM.part}, PID being the writing process, and created with the process umask, like any file the
 * user creates; a kill can leave one behind, which {@link #removeStale} clears once its process is gone.
 */
public final class AtomicFiles {

    private static final String PART = ".part";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Deletes the temporary files and folders that writes into {@code folder} left when they were killed: names of
     * the form {@code .NAME.part} whose writing process is no longer running (or unknown: names of earlier
     * versions). Writes under way, in this process or another on this machine, keep theirs, so any command may call
     * it on the folder it writes into.
     *
     * @return how many were deleted
     */
    public static int removeStale(Path folder) throws IOException {
        return removeStale(folder, "");
    }

    /**
     * Deletes the temporary siblings {@code .NAME.*.part} of {@code target} that killed writes left, as
     * {@link #removeStale(Path)} does for a whole folder.
     *
     * @return how many were deleted
     */
    public static int removeStaleOf(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return removeStale(absolute.getParent(), absolute.getFileName() + ".");
    }

    /**
     * A fresh name for a temporary sibling of {@code target}, {@code .NAME.PID-RANDOM.part}, which
     * {@link #removeStale} leaves alone while this process runs.
     */
    public static Path temporarySibling(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(RANDOM.nextLong(), Character.MAX_RADIX) + PART);
    }

    private static int removeStale(Path folder, String namePrefix) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(folder)) {
            stale = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("." + namePrefix) && name.endsWith(PART) && !writerRunning(name);
            }).toList();
        }
        for (Path part : stale) {
            deleteTree(part);
        }
        return stale.size();
    }

    /** Whether the process named in a temporary file's name {@code .NAME.PID-RANDOM.part} is running. */
    private static boolean writerRunning(String name) {
        String tag = name.substring(name.lastIndexOf('.', name.length() - PART.length() - 1) + 1,
                name.length() - PART.length());
        int dash = tag.indexOf('-');
        if (dash <= 0 || !tag.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(tag.substring(0, dash))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes {@code path}, a file or a folder with everything in it, without following symbolic links. */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
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
     * {@code target} is left as it was; a bare I/O error is reported naming {@code target}.
     *
     * @throws IOException if the folder does not exist or is not writable, or writing fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = temporarySibling(absolute);
        try {
            // CREATE_NEW: a fresh file with the umask's permissions (createTempFile would make it owner-only).
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temporary, absolute);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw namingTarget(e, target);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * {@code e} with {@code target} named, if it is a bare I/O error whose message lacks it (the operating system's
     * "No space left on device", say); typed file-system errors already name their file.
     */
    private static IOException namingTarget(IOException e, Path target) {
        String message = String.valueOf(e.getMessage());
        if (e.getClass() != IOException.class || message.contains(target.toString())) {
            return e;
        }
        String advice = message.contains("No space left") ? "; free space on that disk and run the command again"
                : "";
        return new IOException(target + ": " + message + advice, e);
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
