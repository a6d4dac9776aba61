package org.voxseg.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.dataset.CaseDataChecks;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.DatasetProblem;
import org.voxseg.data.dataset.InvalidCaseException;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.nifti.NiftiFormatException;
import org.voxseg.data.sampling.ForegroundLocations;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;

/**
 * Preprocessed cases kept on disk, one memory-mapped file per case, so that later epochs and later runs skip decoding
 * gzip and preprocessing and the cases stay off the Java heap. An entry is keyed by its input files (path, size,
 * modification and change time) and the preprocessing settings; an entry with another key or of an older format is
 * stale, one that fails its checksum is corrupt, and both are rebuilt, never trusted. Entries are written atomically,
 * so concurrent readers and interrupted runs are safe, and a case may be looked up from several threads at once.
 *
 * <p>With {@link CaseDataChecks}, a case's voxel values are checked as it is loaded, before an entry is written (a
 * file that cannot be decoded is a problem of its case too); a valid entry passed them when it was built, so only its
 * label values are checked again (the labels allowed may have changed), from its metadata.
 */
public final class PreprocessedCache {

    /** Bumped whenever the file format or the preprocessing code changes what an entry holds. */
    static final int FORMAT_VERSION = 2;
    private static final String EXTENSION = ".vxcache";

    private final Path folder;
    private final PreprocessingSettings settings;
    private final Preprocessor preprocessor;
    private final Optional<CaseDataChecks> checks;

    /** A cache that preprocesses cases without checking their values. */
    public PreprocessedCache(Path folder, PreprocessingSettings settings) {
        this(folder, settings, Optional.empty());
    }

    /** A cache that checks each case's values with {@code checks} before building its entry. */
    public PreprocessedCache(Path folder, PreprocessingSettings settings, CaseDataChecks checks) {
        this(folder, settings, Optional.of(checks));
    }

    private PreprocessedCache(Path folder, PreprocessingSettings settings, Optional<CaseDataChecks> checks) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.preprocessor = new Preprocessor(settings);
        this.checks = checks;
    }

    /** Where an entry came from. */
    public enum Source {
        /** Read from a valid cache entry. */
        CACHED,
        /** Built: there was no entry. */
        BUILT,
        /** Rebuilt: the entry was made from other inputs or settings, or in an older format. */
        REBUILT_STALE,
        /** Rebuilt: the entry was torn or corrupt. */
        REBUILT_CORRUPT
    }

    /** A preprocessed case, mapped from its entry, and where the entry came from. */
    public record Lookup(CachedCase cached, Source source) {
    }

    /**
     * The preprocessed case, mapped from a valid entry if one exists, else loaded, checked, preprocessed, stored and
     * mapped.
     *
     * @throws InvalidCaseException if the case's values fail the data checks (no entry is written)
     * @throws IOException if the case's files cannot be read, or the entry cannot be written
     */
    public Lookup get(CaseFiles entry) throws IOException {
        String key = CacheKey.of(entry, settings).digest();
        Path file = folder.resolve(safeName(entry.id()) + EXTENSION);
        Source source = Source.BUILT;
        if (Files.exists(file)) {
            CachedCase valid = null;
            try {
                Optional<CachedCase> cached = CacheEntryReader.open(file, key, true);
                source = cached.isPresent() ? Source.CACHED : Source.REBUILT_STALE;
                valid = cached.orElse(null);
            } catch (IOException | RuntimeException e) {
                source = Source.REBUILT_CORRUPT;
            }
            if (valid != null) {
                int[] values = valid.foreground().map(ForegroundLocations::values).orElse(new int[0]);
                throwIfInvalid(checks.map(c -> c.checkLabelValues(entry, values)).orElse(List.of()));
                return new Lookup(valid, source);
            }
        }
        build(entry, key, file);
        CachedCase built = CacheEntryReader.open(file, key, false).orElseThrow(() -> new IOException(file
                + " was replaced by another entry while it was opened"));
        return new Lookup(built, source);
    }

    /**
     * Deletes the temporary entry files that killed builds left ({@link AtomicFiles#removeStale}); builds under way,
     * in this process or another, keep theirs.
     *
     * @return how many were deleted
     */
    public int removeStaleParts() throws IOException {
        return AtomicFiles.removeStale(folder);
    }

    /**
     * Loads, checks and preprocesses the case, and writes its entry; the heap copies die with this call. With data
     * checks, a file that cannot be decoded (a truncated gzip file, say) is one of the case's problems.
     */
    private void build(CaseFiles entry, String key, Path file) throws IOException {
        CaseLoader.LoadedCase loaded;
        try {
            loaded = CaseLoader.load(entry);
        } catch (NiftiFormatException e) {
            if (checks.isEmpty()) {
                throw e;
            }
            throw new InvalidCaseException(List.of(new DatasetProblem(entry.id(), e.file(), e.problem())));
        }
        throwIfInvalid(checks.map(c -> c.check(entry, loaded)).orElse(List.of()));
        CachedCase result = CachedCase.of(preprocessor.apply(loaded.image(), loaded.labels()));
        Files.createDirectories(folder);
        CacheEntryWriter.write(file, key, result);
    }

    private static void throwIfInvalid(List<DatasetProblem> problems) throws InvalidCaseException {
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
