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

/** The identity of a cached case: SHA-256 over the format version, the settings and each input's path, size, mtime. */
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

    private static void describe(StringBuilder text, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        text.append(absolute).append(' ').append(Files.size(absolute)).append(' ')
                .append(Files.getLastModifiedTime(absolute).toMillis()).append('\n');
    }
}
