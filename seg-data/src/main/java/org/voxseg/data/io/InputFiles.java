package org.voxseg.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens input files for reading, refusing a folder by name: the operating system opens a folder and fails only at
 * the first read, with "Is a directory" and no file named.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * A stream over {@code file}.
     *
     * @throws FileSystemException naming {@code file} if it is a folder
     * @throws IOException if it cannot be opened
     */
    public static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder; give a file");
        }
        return Files.newInputStream(file);
    }
}
