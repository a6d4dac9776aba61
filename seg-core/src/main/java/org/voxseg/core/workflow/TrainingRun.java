package org.voxseg.core.workflow;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.DatasetConfig;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.training.Trainer;
import org.voxseg.core.training.TrainingListener;
import org.voxseg.data.cache.PreprocessedCache;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.DatasetProblem;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.dataset.SplitFile;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.transform.Preprocessor;

/**
 * One training run from a config into a self-describing run folder: finds and validates the cases, splits them
 * (k-fold, stored as {@code split.json} and reused, or the config's fixed validation list), writes
 * {@code config.json} (resolved) and {@code model.json}, preprocesses every case through the cache, and trains
 * (resuming when the folder has a {@code latest.ckpt}).
 */
public final class TrainingRun {

    private final RunConfig config;
    private final Path folder;
    private final TrainingListener listener;

    /**
     * @param config the resolved config (paths absolute)
     * @param folder the run folder
     */
    public TrainingRun(RunConfig config, Path folder, TrainingListener listener) {
        this.config = config;
        this.folder = folder;
        this.listener = listener;
    }

    /**
     * Trains.
     *
     * @throws ConfigException if the dataset has problems (the first is named, with their count)
     * @throws IOException if files cannot be read or written
     */
    public Trainer.Outcome run(NDManager manager) throws IOException {
        List<CaseFiles> cases = validCases(config.dataset());
        Files.createDirectories(folder);
        SplitFile.Fold fold = split(cases);
        ConfigJson.write(folder.resolve(RunFolder.CONFIG), config);
        ModelDescription description = ModelDescription.of(config);
        ConfigJson.write(folder.resolve(RunFolder.MODEL), description);
        PreprocessedCache cache = cacheFor(config, folder);
        Map<String, CaseFiles> byId = cases.stream().collect(Collectors.toMap(CaseFiles::id, Function.identity()));
        List<SamplingCase> training = prepare(fold.train(), byId, cache, 0, cases.size());
        List<SamplingCase> validation = prepare(fold.validation(), byId, cache, training.size(), cases.size());
        TrainingConfig settings = config.training();
        Trainer.Builder trainer = Trainer.builder().network(config.model())
                .loss(config.loss().build(), description.outputActivation())
                .optimizer(config.optimizer()).schedule(config.scheduler())
                .encoding(config.dataset().encoding(), config.dataset().regionNames())
                .augmentation(settings.augmentation().pipeline(settings.patchSize())).settings(settings.settings())
                .periodicCheckpoints(settings.checkpointEvery(), settings.keepLast())
                .movingAverageStop(settings.movingAveragePatience()).loaderThreads(settings.loaderThreads())
                .listener(listener);
        if (settings.freeze() != null) {
            trainer.freeze(Pattern.compile(settings.freeze()), settings.freezeEpochs());
        }
        if (settings.pretrained() == null) {
            return trainer.build().train(training, validation, folder, manager);
        }
        try (TrainedModel pretrained = TrainedModel.load(Path.of(settings.pretrained()), manager)) {
            return trainer.initialWeights(pretrained.network()).build().train(training, validation, folder, manager);
        }
    }


    /**
     * The cases of {@code dataset}, all valid.
     *
     * @throws ConfigException naming the first problem and how many there are
     */
    static List<CaseFiles> validCases(DatasetConfig dataset) throws IOException {
        List<CaseFiles> cases = dataset.discover();
        if (cases.isEmpty()) {
            throw new ConfigException("the dataset has no cases: " + (dataset.bratsRoot() != null
                    ? dataset.bratsRoot() : dataset.caseList()));
        }
        List<DatasetProblem> problems = new DatasetValidator(dataset.labels(), true).validate(cases);
        if (!problems.isEmpty()) {
            throw new ConfigException(DatasetProblem.summarise(problems));
        }
        return cases;
    }

    /** The preprocessed-case cache of a config: its {@code cache_dir}, or {@code cache} in {@code folder}. */
    static PreprocessedCache cacheFor(RunConfig config, Path folder) {
        return new PreprocessedCache(config.dataset().cacheFolder(folder),
                ModelDescription.of(config).preprocessingSettings());
    }

    /** A case preprocessed (or read from the cache) for patch sampling. */
    static SamplingCase prepare(PreprocessedCache cache, CaseFiles entry) throws IOException {
        Preprocessor.Result result = cache.get(entry).result();
        return new SamplingCase(entry.id(), result.image(), result.labels().orElseThrow());
    }

    private SplitFile.Fold split(List<CaseFiles> cases) throws IOException {
        List<String> ids = cases.stream().map(CaseFiles::id).toList();
        Path file = folder.resolve(RunFolder.SPLIT);
        List<String> fixed = config.dataset().validationCases();
        if (!fixed.isEmpty()) {
            SplitFile split = SplitFile.fixed(ids, fixed);
            ConfigJson.write(file, split);
            return split.fold(0);
        }
        SplitFile split = SplitFile.loadOrCreate(file, ids, config.crossValidation().nFolds(),
                config.crossValidation().seed());
        return split.fold(config.crossValidation().fold());
    }

    private List<SamplingCase> prepare(List<String> ids, Map<String, CaseFiles> byId, PreprocessedCache cache,
            int before, int total) throws IOException {
        List<SamplingCase> prepared = new ArrayList<>();
        for (String id : ids) {
            prepared.add(prepare(cache, byId.get(id)));
            listener.casePrepared(id, before + prepared.size(), total);
        }
        return prepared;
    }
}
