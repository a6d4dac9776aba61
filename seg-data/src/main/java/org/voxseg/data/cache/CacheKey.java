package org.voxseg.data.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.transform.PreprocessingSettings;

/**
 * The identity of a cached case: the entry format, the preprocessing settings and a stamp of each input file, the
 * images in channel order and then the label map. Equal keys mean the same entry. An entry stores its key's
 * {@link #digest()}, and a lookup whose key has another digest finds the entry stale.
 *
 * @param formatVersion the entry format ({@link PreprocessedCache#FORMAT_VERSION} for keys of inputs on disk)
 * @param settings the preprocessing settings
 * @param inputs the stamps of the images, in channel order, then of the label map, if any
 */
record CacheKey(int formatVersion, PreprocessingSettings settings, List<InputStamp> inputs) {

    CacheKey {
        Objects.requireNonNull(settings, "settings");
        inputs = List.copyOf(inputs);
    }

    /** The key of {@code entry}'s files as they are now, preprocessed with {@code settings}. */
    static CacheKey of(CaseFiles entry, PreprocessingSettings settings) throws IOException {
        List<InputStamp> inputs = new ArrayList<>();
        for (Path image : entry.images()) {
            inputs.add(InputStamp.of(image, false));
        }
        if (entry.label().isPresent()) {
            inputs.add(InputStamp.of(entry.label().get(), true));
        }
        return new CacheKey(PreprocessedCache.FORMAT_VERSION, settings, inputs);
    }

    /**
     * The key as entries persist it: SHA-256, in hex, over "voxseg-cache VERSION", the settings'
     * {@link PreprocessingSettings#cacheDescription()} and each input's {@link InputStamp#description()}, one a line.
     * The text is what earlier versions hashed, so their entries are still found.
     */
    String digest() {
        StringBuilder text = new StringBuilder("voxseg-cache ").append(formatVersion).append('\n')
                .append(settings.cacheDescription()).append('\n');
        for (InputStamp input : inputs) {
            text.append(input.description());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
