package org.voxseg.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cache key knows of one input file: where it is and when it last changed. An input rewritten with its size
 * and modification time put back (a copy with {@code cp -p}, an edit that restores the time stamp) still changes its
 * inode change time, so its entry is rebuilt.
 *
 * @param path the absolute, normalised path
 * @param size the size in bytes
 * @param modified the modification time
 * @param changed the inode change time, where the file system keeps one (POSIX)
 * @param label whether the file is the case's label map rather than an image channel
 */
record InputStamp(Path path, long size, FileTime modified, Optional<FileTime> changed, boolean label) {

    InputStamp {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(changed, "changed");
    }

    /** The stamp of {@code file} as it is now. */
    static InputStamp of(Path file, boolean label) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        return new InputStamp(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute),
                changeTime(absolute), label);
    }

    /**
     * The stamp's line in the digested text, as earlier versions wrote it: the path, the size, the modification
     * instant and the change time or "-", the label's line prefixed "label ".
     */
    String description() {
        return (label ? "label " : "") + path + ' ' + size + ' ' + modified.toInstant() + ' '
                + changed.map(FileTime::toString).orElse("-") + '\n';
    }

    private static Optional<FileTime> changeTime(Path file) throws IOException {
        try {
            return Optional.of((FileTime) Files.getAttribute(file, "unix:ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Optional.empty();
        }
    }
}
