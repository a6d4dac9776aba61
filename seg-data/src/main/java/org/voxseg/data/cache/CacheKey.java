package org.voxseg.data.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.transform.PreprocessingSettings;

/**
 * The identity of a cached case: SHA-256 over the format version, the settings and each input's path, size,
 * modification time and, where the file system keeps one, inode change time. An input rewritten with its size and
 * modification time put back (a copy with {@code cp -p}, an edit that restores the time stamp) still changes its
 * change time, so its entry is rebuilt.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(CaseFiles entry, PreprocessingSettings settings) throws IOException {
        StringBuilder text = new StringBuilder("voxseg-cache ").append(PreprocessedCache.FORMAT_VERSION).append('\n')
                .append(settings).append('\n');
        for (Path file : entry.images()) {
            describe(text, file);
        }
        if (entry.label().isPresent()) {
            describe(text.append("label "), entry.label().get());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The inode change time on file systems that keep one (POSIX), else "-". */
    private static String changeTime(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:ctime").toString();
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return "-";
        }
    }

    private static void describe(StringBuilder text, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        text.append(absolute).append(' ').append(Files.size(absolute)).append(' ')
                .append(Files.getLastModifiedTime(absolute).toInstant()).append(' ').append(changeTime(absolute))
                .append('\n');
    }
}
