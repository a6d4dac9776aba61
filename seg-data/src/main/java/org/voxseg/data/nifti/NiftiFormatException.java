package org.voxseg.data.nifti;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not valid NIfTI, or uses a feature voxseg does not read; the message names the file and field. */
public final class NiftiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /** An error in {@code file}; {@code problem} names the field and what is wrong with it. */
    public NiftiFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** An error in {@code file} caused by a lower-level failure (e.g. corrupt gzip data). */
    public NiftiFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong with the file, without its name. */
    public String problem() {
        return problem;
    }
}
