package org.voxseg.data.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A folder written whole or not at all, into a place that holds nothing yet: the target must be missing or an empty
 * folder, so that no run or earlier output is ever overwritten; the files go into a temporary sibling
 * ({@link AtomicFiles#temporarySibling}) that is renamed onto the target once complete and deleted on any failure.
 * Temporary siblings that killed writes of the same target left are removed first.
 */
public final class NewFolder {

    private NewFolder() {
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface Content {
        /** Writes every file into {@code folder}, which exists and is empty. */
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Checks that {@code target} is missing or an empty folder, before any work is done for it.
     *
     * @param purpose what the folder is for, completing "choose a new or empty folder for ...", e.g. "the export"
     * @throws IOException naming {@code target} and what it holds otherwise
     */
    public static void requireNewOrEmpty(Path target, String purpose) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(target + ": the folder is not empty; choose a new or empty folder for "
                            + purpose);
                }
            }
        } else if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is not a folder; choose a new or empty "
                    + "folder for " + purpose);
        }
    }

    /**
     * Writes {@code target} with {@code content}: checked as {@link #requireNewOrEmpty}, filled in a temporary
     * sibling, renamed into place.
     *
     * @throws IOException if {@code target} is not new or empty, or writing fails (then nothing is left behind)
     */
    public static void write(Path target, String purpose, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        requireNewOrEmpty(absolute, purpose);
        Files.createDirectories(absolute.getParent());
        AtomicFiles.removeStaleOf(absolute);
        Path temporary = AtomicFiles.temporarySibling(absolute);
        try {
            Files.createDirectory(temporary);
            content.writeInto(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE); // replaces an empty folder
        } catch (IOException | RuntimeException | Error e) {
            AtomicFiles.deleteTree(temporary);
            throw e;
        }
    }
}
