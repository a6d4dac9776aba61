package org.voxseg.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;

/**
 * Preprocessed cases kept on disk, one file per case, so later epochs and later runs skip decoding gzip and
 * preprocessing. An entry is keyed by its input files (path, size, modification time) and the preprocessing
 * settings; an entry with another key is stale, one that fails its checksum is corrupt, and both are rebuilt, never
 * trusted. Entries are written atomically, so concurrent readers and interrupted runs are safe.
 */
public final class PreprocessedCache {

    /** Bumped whenever the file format or the preprocessing code changes what an entry holds. */
    static final int FORMAT_VERSION = 1;
    private static final String EXTENSION = ".vxcache";

    private final Path folder;
    private final PreprocessingSettings settings;
    private final Preprocessor preprocessor;

    public PreprocessedCache(Path folder, PreprocessingSettings settings) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.preprocessor = new Preprocessor(settings);
    }

    /** Where an entry came from. */
    public enum Source {
        /** Read from a valid cache entry. */
        CACHED,
        /** Built: there was no entry. */
        BUILT,
        /** Rebuilt: the entry was made from other inputs or settings. */
        REBUILT_STALE,
        /** Rebuilt: the entry was torn or corrupt. */
        REBUILT_CORRUPT
    }

    /** A preprocessed case and where it came from. */
    public record Lookup(Preprocessor.Result result, Source source) {
    }

    /**
     * The preprocessed case, from the cache if a valid entry exists, else loaded, preprocessed and stored.
     *
     * @throws IOException if the case's files cannot be read, or the entry cannot be written
     */
    public Lookup get(CaseFiles entry) throws IOException {
        String key = CacheKey.of(entry, settings);
        Path file = folder.resolve(safeName(entry.id()) + EXTENSION);
        Source source = Source.BUILT;
        if (Files.exists(file)) {
            try {
                Optional<Preprocessor.Result> cached = CacheEntryCodec.read(file, key);
                if (cached.isPresent()) {
                    return new Lookup(cached.get(), Source.CACHED);
                }
                source = Source.REBUILT_STALE;
            } catch (IOException | RuntimeException e) {
                source = Source.REBUILT_CORRUPT;
            }
        }
        CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
        Preprocessor.Result result = preprocessor.apply(loaded.image(), loaded.labels());
        Files.createDirectories(folder);
        CacheEntryCodec.write(file, key, result);
        return new Lookup(result, source);
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
