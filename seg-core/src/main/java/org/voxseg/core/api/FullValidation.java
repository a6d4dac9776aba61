package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.training.TrainingListener;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.core.training.TrainingState;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.ReadAheadLoader;
import org.voxseg.data.evaluation.CaseScores;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.EvaluationReport;
import org.voxseg.data.evaluation.Evaluator;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.data.evaluation.Structure;
import org.voxseg.data.label.Postprocessing;

/**
 * nnU-Net's final validation, as a listener of the trainer: after the last epoch (and every few epochs if the config
 * asks) every validation case is predicted whole, by sliding window from its original files exactly as
 * {@code voxseg predict} would without postprocessing, written to {@code validation/<case>.nii.gz} in its original
 * geometry, and scored against its reference (Dice and HD95 per output region or class, BraTS's empty-region
 * convention) into {@code validation/cases.csv} and {@code validation/summary.csv}. The next case is read while the
 * current one is predicted. {@code validation/validation.json}, written last, records the epoch and cases of a
 * completed validation, so a finished run that is started again does not validate again, while one killed during
 * its validation does. After the last validation the run's postprocessing is decided on these predictions
 * ({@link PostprocessingDecision}) and written into {@code model.json}.
 */
final class FullValidation implements TrainingListener {

    /** The folder, inside the run folder, of the validation predictions and scores. */
    static final String FOLDER = "validation";
    /** The per-case scores' file name. */
    static final String CASES = "cases.csv";
    /** The summary's file name. */
    static final String SUMMARY = "summary.csv";
    /** The record of the last completed validation, written after everything else. */
    static final String RECORD = "validation.json";

    private final List<CaseFiles> cases;
    private final ModelDescription description;
    private final UNet3d network;
    private final SlidingWindow slidingWindow;
    private final Evaluator evaluator;
    private final Path runFolder;
    private final Path folder;
    private final int every;
    private final RunListener listener;
    private final NDManager manager;
    private int validatedEpoch;

    /**
     * What {@code validation.json} holds.
     *
     * @param epoch the epoch whose network was validated
     * @param cases the validation cases, in order
     * @param summary the mean, median and spread of each metric per structure
     */
    record Record(int epoch, List<String> cases, List<EvaluationReport.Summary> summary) {
    }

    /**
     * @param cases the validation cases, with their label maps
     * @param network the network being trained, predicted with as it is when a validation runs (a snapshot of its
     *     weights per validation)
     * @param slidingWindow the sliding window (the training patch as window, the configured overlap)
     * @param runFolder the run folder, which receives {@code validation/}
     * @param every also validate after every this many epochs (0: only after the last)
     * @param manager the scope of each case's arrays, which are freed after the case
     */
    FullValidation(List<CaseFiles> cases, ModelDescription description, UNet3d network, SlidingWindow slidingWindow,
            Path runFolder, int every, RunListener listener, NDManager manager) {
        this.cases = List.copyOf(cases);
        this.description = description;
        this.network = network;
        this.slidingWindow = slidingWindow;
        this.evaluator = new Evaluator(structures(description), EmptyMaskConvention.brats());
        this.runFolder = runFolder;
        this.folder = runFolder.resolve(FOLDER);
        this.every = every;
        this.listener = listener;
        this.manager = manager;
    }

    /** Where the validation of {@code runFolder} writes the prediction of case {@code caseId}. */
    static Path prediction(Path runFolder, String caseId) {
        return runFolder.resolve(FOLDER).resolve(caseId + ".nii.gz");
    }

    /** One structure per foreground output: the regions (WT, TC, ET) or classes the network predicts. */
    static List<Structure> structures(ModelDescription description) {
        return Structure.of(description.encoding(), description.outputNames());
    }

    @Override
    public void epochEnded(TrainingState state) throws IOException {
        if (every > 0 && state.epoch() % every == 0) {
            validate(state.epoch());
        }
    }

    @Override
    public void trainingEnded(TrainingOutcome outcome) throws IOException {
        int epoch = outcome.state().epoch();
        if (epoch == 0 || cases.isEmpty()) {
            return;
        }
        if (epoch != validatedEpoch && !completed(epoch)) {
            validate(epoch);
        }
        List<SegmentationPairs.Pair> pairs = cases.stream().map(c -> new SegmentationPairs.Pair(c.id(),
                prediction(runFolder, c.id()), c.label().orElseThrow())).toList();
        PostprocessingDecision.record(runFolder, PostprocessingDecision.decide(description, pairs,
                "validation of epoch " + epoch + " on " + cases.size() + " case(s)",
                runFolder.resolve(PostprocessingDecision.FILE), listener));
    }

    /** Whether the folder holds a completed validation of {@code epoch} on these cases. */
    private boolean completed(int epoch) throws IOException {
        Path file = folder.resolve(RECORD);
        if (!Files.exists(file)) {
            return false;
        }
        Record record = ConfigJson.read(file, Record.class);
        return record.epoch() == epoch && record.cases().equals(cases.stream().map(CaseFiles::id).toList());
    }

    /**
     * Predicts whole cases with the network as it is now: a snapshot of its weights in {@code scope}, run as one
     * program per window like a trained model's, without postprocessing.
     */
    private CasePredictor casePredictor(NDManager scope) {
        BlendedValues blend = description.prediction().blend();
        return new CasePredictor(description.preprocessingSettings(), slidingWindow,
                NetworkPredictor.snapshot(network, blend.perWindow(description.outputActivation()), scope),
                description.encoding(), Postprocessing.NONE, blend.afterBlending(description.outputActivation()));
    }

    /** Predicts, writes and scores every validation case with the network as it is after {@code epoch}. */
    private void validate(int epoch) throws IOException {
        Files.createDirectories(folder);
        List<CaseScores> scores = new ArrayList<>();
        try (NDManager snapshotScope = manager.newSubManager();
                ReadAheadLoader loader = new ReadAheadLoader(cases)) {
            CasePredictor predictor = casePredictor(snapshotScope);
            while (loader.hasNext()) {
                CaseLoader.LoadedCase loaded = loader.next();
                CasePredictor.Prediction prediction;
                try (NDManager scope = manager.newSubManager()) {
                    prediction = predictor.predict(loaded.image(), scope);
                }
                PredictionFiles.writeLabels(prediction, description.labelArray(), prediction(runFolder, loaded.id()));
                scores.add(evaluator.evaluate(loaded.id(), prediction.labels(), loaded.labels().orElseThrow()));
                listener.caseValidated(loaded.id(), scores.size(), cases.size());
            }
        }
        validatedEpoch = epoch;
        EvaluationReport report = new EvaluationReport(scores);
        report.writeCases(folder.resolve(CASES));
        report.writeSummary(folder.resolve(SUMMARY));
        ConfigJson.write(folder.resolve(RECORD), new Record(epoch, cases.stream().map(CaseFiles::id).toList(),
                report.summary()));
        listener.note(String.format(Locale.ROOT, "validation of epoch %d on %d whole case(s), in %s: %s", epoch,
                scores.size(), folder, report.summary().stream()
                        .map(s -> String.format(Locale.ROOT, "%s %s %.4f", s.structure(), s.metric(), s.mean()))
                        .collect(Collectors.joining(", "))));
    }
}
