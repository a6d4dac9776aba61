package org.voxseg.core.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.DatasetConfig;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;
import org.voxseg.data.cache.PreprocessedCache;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.DatasetProblem;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.transform.Preprocessor;

/**
 * A config's cases made ready for training: found and validated, then preprocessed through the cache (its
 * {@code cache_dir}, or {@code cache} in the output folder) into cases for patch sampling. Training runs, the LR range
 * test and cross-validation all prepare their data here.
 */
final class DatasetPreparation {

    /** The file in the output folder that lists every dataset problem. */
    static final String PROBLEMS = "dataset_problems.txt";

    private final DatasetConfig dataset;
    private final PreprocessedCache cache;
    private final Path folder;

    /**
     * @param config the resolved config (paths absolute)
     * @param folder the output folder, which holds the cache unless the config names one
     */
    DatasetPreparation(RunConfig config, Path folder) {
        this.dataset = config.dataset();
        this.folder = folder;
        this.cache = new PreprocessedCache(dataset.cacheFolder(folder),
                ModelDescription.of(config).preprocessingSettings());
    }

    /**
     * The dataset's cases, all valid.
     *
     * @throws DatasetProblemsException naming the first problem and how many there are, after listing them all in
     *     {@code dataset_problems.txt} in the output folder
     * @throws IOException if a case cannot be read
     */
    List<CaseFiles> validCases() throws IOException {
        List<CaseFiles> cases = dataset.discover();
        if (cases.isEmpty()) {
            throw new ConfigException("the dataset has no cases: " + (dataset.bratsRoot() != null
                    ? dataset.bratsRoot() : dataset.caseList()));
        }
        List<DatasetProblem> problems = new DatasetValidator(dataset.labels(), true, dataset.channels().size())
                .validate(cases);
        if (!problems.isEmpty()) {
            Path listing = folder.resolve(PROBLEMS);
            Files.createDirectories(folder);
            AtomicFiles.write(listing, out -> out.write(problems.stream().map(p -> p + "\n")
                    .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8)));
            throw new DatasetProblemsException(problems, listing);
        }
        return cases;
    }

    /**
     * The cases preprocessed (or read from the cache) for patch sampling, reporting each to {@code listener} as
     * number {@code before + n} of {@code total}.
     */
    List<SamplingCase> prepare(List<CaseFiles> cases, RunListener listener, int before, int total)
            throws IOException {
        List<SamplingCase> prepared = new ArrayList<>();
        for (CaseFiles entry : cases) {
            Preprocessor.Result result = cache.get(entry).result();
            prepared.add(new SamplingCase(entry.id(), result.image(), result.labels().orElseThrow()));
            listener.casePrepared(entry.id(), before + prepared.size(), total);
        }
        return prepared;
    }
}
