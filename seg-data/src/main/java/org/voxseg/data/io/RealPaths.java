package org.voxseg.data.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path really leads, also for files that do not exist yet: the real path (symbolic links resolved) of its
 * nearest existing ancestor, followed by the rest. Comparing these tells whether an output would land on an input,
 * or inside a folder, however either was spelt.
 */
public final class RealPaths {

    private RealPaths() {
    }

    /** The real location of {@code path}, which need not exist. */
    public static Path of(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /** Whether {@code path} is {@code folder} or lies inside it, after resolving both. */
    public static boolean isInside(Path path, Path folder) throws IOException {
        return of(path).startsWith(of(folder));
    }
}
