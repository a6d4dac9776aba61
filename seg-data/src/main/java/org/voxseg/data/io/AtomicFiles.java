package org.voxseg.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files through a temporary sibling renamed into place, so that a reader, or a run interrupted half-way,
 * never sees a half-written file and a failed write never destroys the previous good one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
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
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
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
