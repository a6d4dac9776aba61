package org.voxseg.data.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A prediction or reference that cannot be scored: voxels that are not whole numbers or not finite, labels outside
 * the scored set, a spacing that is not a positive finite number, or a grid other than its partner's. The message
 * names the file and the problem in one line.
 */
public final class InvalidLabelMapException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A problem with {@code file}; {@code problem} says what is wrong, and where. */
    public InvalidLabelMapException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
