package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigChanges;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.engine.Seeds;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.schedule.LearningRateSchedule;
import org.voxseg.core.training.BestModelRule;
import org.voxseg.core.training.CheckpointSeries;
import org.voxseg.core.training.FrozenParameters;
import org.voxseg.core.training.MovingAverageRule;
import org.voxseg.core.training.PatchValidator;
import org.voxseg.core.training.PatienceRule;
import org.voxseg.core.training.PretrainedWeights;
import org.voxseg.core.training.RunFolderRecorder;
import org.voxseg.core.training.Trainer;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.core.training.TrainingSetup;
import org.voxseg.core.training.TrainingState;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.SplitFile;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.io.RealPaths;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;

/**
 * One training run from a config into a self-describing run folder: finds and validates the cases, preprocesses them
 * through the cache (checking every case's values), and only then locks the folder, splits the cases (k-fold, stored
 * as {@code split.json} and reused, or the config's fixed validation list), writes {@code config.json} (resolved) and
 * {@code model.json}, wires a
 * {@link Trainer} with a {@link RunFolderRecorder}, validation on fixed patches after epochs and on whole cases at
 * the end ({@link FullValidation}), and trains, resuming when the folder has a {@code latest.ckpt}.
 */
final class TrainingRun {

    private final RunConfig config;
    private final Path folder;
    private final RunListener listener;
    private final ConfigChange configChange;

    /**
     * @param config the resolved config (paths absolute)
     * @param folder the run folder
     */
    TrainingRun(RunConfig config, Path folder, RunListener listener, ConfigChange configChange) {
        // The run folder's config.json records the threads this process computes with, which results depend on.
        this.config = config.withTraining(config.training().toBuilder().threads(TorchRuntime.requestedThreads())
                .build());
        this.folder = folder;
        this.listener = listener;
        this.configChange = configChange;
    }

    /**
     * Trains.
     *
     * @throws ConfigException if the dataset has problems (the first is named, with their count)
     * @throws IOException if files cannot be read or written
     */
    @SuppressWarnings("try") // the lock is held for the body's duration and never referenced in it
    TrainingOutcome run(NDManager manager) throws IOException {
        SegmentationLoss loss = config.loss().build();
        DatasetPreparation data = new DatasetPreparation(config, folder);
        List<CaseFiles> cases = data.validCases();
        requireOutsideDataset();
        String pretrained = config.training().pretrained();
        if (pretrained != null && !Files.exists(Path.of(pretrained))) {
            throw new ConfigException("training.pretrained: no such run folder or checkpoint: " + pretrained);
        }
        RunFolderLock.requireFree(folder);
        checkResume();
        // Every case's content is checked in the pass that fills the cache, before any file of the run is written.
        List<SamplingCase> prepared = data.prepare(cases, listener);
        try (RunFolderLock lock = RunFolderLock.acquire(folder)) {
            AtomicFiles.removeStale(folder);
            return train(cases, prepared, loss, manager);
        }
    }

    /**
     * Refuses to resume a run with a config that would make it another run, naming the keys that differ, and says
     * when the compute threads changed (results then differ from an uninterrupted run in the last digits).
     */
    private void checkResume() throws IOException {
        Path stored = folder.resolve(RunFolder.CONFIG);
        if (!Files.exists(folder.resolve(CheckpointSeries.LATEST)) || !Files.exists(stored)
                || configChange == ConfigChange.ACCEPT) {
            return;
        }
        RunConfig before = RunConfig.read(stored);
        List<String> refused = ConfigChanges.refused(before, config);
        if (!refused.isEmpty()) {
            throw new ConfigException(stored + ": the run was trained with other values of " + String.join(", ",
                    refused) + "; resume with the same config, or force the change (--force-config-change)");
        }
        int threads = config.training().threads();
        if (before.training().threads() != threads) {
            listener.note("the run trained with " + describe(before.training().threads()) + " and resumes with "
                    + describe(threads) + ": results will differ from an uninterrupted run in the last digits");
        }
    }

    private static String describe(int threads) {
        return threads == 0 ? "the engine's default compute threads" : threads + " compute thread(s)";
    }

    /** Refuses a run folder inside the dataset root, where its cache and outputs would mix with the cases. */
    private void requireOutsideDataset() throws IOException {
        String root = config.dataset().location();
        if (root != null && RealPaths.isInside(folder, Path.of(root))) {
            throw new ConfigException(folder + ": the run folder is inside the dataset root " + root
                    + " (" + config.dataset().locationKey() + "); choose a folder outside it");
        }
    }

    /** Trains on {@code prepared}, the cases {@code cases} ready for sampling, in the same order. */
    private TrainingOutcome train(List<CaseFiles> cases, List<SamplingCase> prepared, SegmentationLoss loss,
            NDManager manager) throws IOException {
        SplitFile.Fold fold = split(cases);
        ConfigJson.write(folder.resolve(RunFolder.CONFIG), config);
        ModelDescription description = withDecidedPostprocessing(ModelDescription.of(config));
        ConfigJson.write(folder.resolve(RunFolder.MODEL), description);
        Map<String, CaseFiles> files = cases.stream().collect(Collectors.toMap(CaseFiles::id, Function.identity()));
        Map<String, SamplingCase> samples = prepared.stream().collect(Collectors.toMap(SamplingCase::id,
                Function.identity()));
        List<CaseFiles> validationFiles = fold.validation().stream().map(files::get).toList();
        List<SamplingCase> training = fold.train().stream().map(samples::get).toList();
        List<SamplingCase> validation = fold.validation().stream().map(samples::get).toList();
        TrainingConfig settings = config.training();
        try (TrainingSetup setup = TrainingSetup.create(config.model(), settings.precision(), settings.batchSize(),
                settings.patchSize(), loss, config.optimizer(), settings.seed(), manager)) {
            LearningRateSchedule schedule = schedule();
            RunFolderRecorder recorder = new RunFolderRecorder(new CheckpointSeries(folder,
                    settings.checkpointEvery(), settings.keepLast()), setup.step(), schedule);
            List<String> outputs = config.dataset().regionNames();
            TrainingState start = recorder.resume(outputs, setup.manager()).orElse(null);
            if (start != null) {
                listener.note("resuming " + folder + " after epoch " + start.epoch());
            } else {
                start = TrainingState.start(outputs);
                loadPretrained(setup, manager);
            }
            FullValidation fullValidation = new FullValidation(validationFiles, description, setup.network(),
                    SlidingWindow.gaussian(settings.patchSize(), settings.validationOverlap()), folder,
                    settings.fullValidationEvery(), listener, manager);
            // The whole-case validation before the caller's listener, which then hears the end after it.
            Trainer trainer = trainer(setup, schedule, training, validation, loss, description).listener(recorder)
                    .listener(fullValidation).listener(listener).build();
            return trainer.train(start, manager);
        }
    }

    /**
     * {@code described} with the postprocessing the folder's {@code model.json} already carries (decided at the end
     * of an earlier session of this run, or over a cross-validation's folds), which a new decision replaces.
     */
    private ModelDescription withDecidedPostprocessing(ModelDescription described) throws IOException {
        Path file = folder.resolve(RunFolder.MODEL);
        ChosenPostprocessing decided = Files.exists(file) ? ModelDescription.read(file).postprocessing() : null;
        return decided == null ? described : described.withPostprocessing(decided);
    }

    private LearningRateSchedule schedule() {
        TrainingConfig settings = config.training();
        long totalSteps = config.scheduler().perIteration()
                ? (long) settings.epochs() * settings.iterationsPerEpoch() : settings.epochs();
        return config.scheduler().build(config.optimizer().learningRate(), totalSteps);
    }

    private Trainer.Builder trainer(TrainingSetup setup, LearningRateSchedule schedule, List<SamplingCase> training,
            List<SamplingCase> validation, SegmentationLoss loss, ModelDescription description) {
        TrainingConfig settings = config.training();
        Extent patch = settings.patchSize();
        Trainer.Builder trainer = Trainer.builder().step(setup.step())
                .schedule(schedule, config.scheduler().period())
                .batches(first -> BatchLoader.builder().cases(training)
                        .sampler(new PatchSampler(patch.toArray(), settings.foregroundFraction()))
                        .augmentation(settings.augmentation().pipeline(patch)).encoding(description.encoding())
                        .batchSize(settings.batchSize()).threads(settings.loaderThreads()).seed(settings.seed())
                        .firstBatch(first).build())
                .validator(new PatchValidator(() -> BatchLoader.builder().cases(validation)
                        .sampler(new PatchSampler(patch.toArray(), settings.foregroundFraction()))
                        .encoding(description.encoding()).batchSize(settings.batchSize())
                        .threads(settings.loaderThreads()).seed(Seeds.validationSeed(settings.seed())).build(),
                        settings.validationBatches(), description.outputActivation(), loss, description.outputNames(),
                        description.encoding().firstForegroundChannel()))
                .length(settings.epochs(), settings.iterationsPerEpoch()).validateEvery(settings.validateEvery())
                .seed(settings.seed());
        if (settings.freeze() != null) {
            trainer.freeze(new FrozenParameters(settings.freeze(), settings.freezeEpochs()));
        }
        if (settings.earlyStopPatience() > 0) {
            // 3DUnetCNN's rule counts validations without a better Dice, so its best model is the best Dice's.
            trainer.stopWhen(new PatienceRule(settings.earlyStopPatience(), true))
                    .bestModel(BestModelRule.HIGHEST_DICE);
        }
        if (settings.movingAveragePatience() > 0) {
            MovingAverageRule movingAverage = new MovingAverageRule(settings.movingAveragePatience());
            trainer.stopWhen(movingAverage).bestModel(movingAverage);
        }
        return trainer;
    }

    /** Seeds a new run with the matching weights of the configured pretrained model, if there is one. */
    private void loadPretrained(TrainingSetup setup, NDManager manager) throws IOException {
        if (config.training().pretrained() == null) {
            return;
        }
        try (TrainedModel pretrained = TrainedModel.load(Path.of(config.training().pretrained()), manager)) {
            List<String> skipped = PretrainedWeights.copyMatching(pretrained.network(), setup.network());
            listener.note("pretrained weights loaded" + (skipped.isEmpty() ? " for every parameter"
                    : "; left initialised: " + String.join(", ", skipped)));
        }
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
}
