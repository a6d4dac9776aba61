package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.DatasetConfig;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.SplitFile;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.data.io.AtomicFiles;

/**
 * k-fold cross-validation: one split for all folds ({@code split.json} in the output folder, copied into each fold),
 * one run folder {@code fold_k/} per fold with a config naming its fold, a shared preprocessing cache, and a summary
 * of every fold's best validation Dice ({@code crossval_summary.csv}). With setup only, the fold folders get their
 * configs and split and nothing is trained, so folds can be trained on several machines
 * ({@code voxseg train --config fold_k/config.json --output-dir fold_k}). After the folds, one postprocessing is
 * decided on all their validation predictions together ({@code postprocessing.json}) and written into each fold's
 * {@code model.json}.
 */
public final class CrossValidation {

    /** The summary's file name. */
    public static final String SUMMARY = "crossval_summary.csv";

    /** The log of a fold trained in its own process, in its folder. */
    public static final String FOLD_LOG = "train.log";

    private final RunConfig config;
    private final Path folder;

    /** @param config the resolved config; its {@code cross_validation} section gives the folds */
    public CrossValidation(RunConfig config, Path folder) {
        this.config = config;
        this.folder = folder;
    }

    /** One fold's result: the best validation Dice (mean and per output) and its epoch. */
    public record FoldResult(int fold, int bestEpoch, double meanDice, List<Double> dicePerOutput) {
    }

    /**
     * Writes the split and one folder per fold with its config (with the CT normalisation's statistics, computed here
     * once for all folds, if it asks for them), after checking every case's content while preprocessing it into the
     * folds' shared cache; {@code listener} hears each case prepared.
     *
     * @return the fold folders
     * @throws DatasetProblemsException if cases have content problems: all of them are listed and nothing but the
     *     listing and the cache's valid entries is written
     */
    public List<Path> setUp(RunListener listener) throws IOException {
        List<CaseFiles> cases = new DatasetPreparation(config, folder).validCases();
        RunConfig completed = IntensityFingerprint.complete(config, folder, listener);
        // Every case's content is checked, in the pass that fills the folds' shared cache, before any file is written.
        new DatasetPreparation(completed, folder).prepare(cases, listener);
        Files.createDirectories(folder);
        List<String> ids = cases.stream().map(CaseFiles::id).toList();
        int folds = config.crossValidation().nFolds();
        Path splitFile = folder.resolve(RunFolder.SPLIT);
        SplitFile.loadOrCreate(splitFile, ids, folds, config.crossValidation().seed());
        DatasetConfig shared = completed.dataset().withCacheDir(config.dataset().cacheFolder(folder));
        List<Path> foldFolders = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Path foldFolder = Files.createDirectories(folder.resolve("fold_" + k));
            Files.copy(splitFile, foldFolder.resolve(RunFolder.SPLIT), StandardCopyOption.REPLACE_EXISTING);
            ConfigJson.write(foldFolder.resolve(RunFolder.CONFIG), completed.withDataset(shared).withFold(k));
            foldFolders.add(foldFolder);
        }
        return foldFolders;
    }

    /**
     * Sets up and trains every fold in turn (each resumes if it has a checkpoint), then writes the summary. With
     * {@code processes}, the folds are first trained there, at the same time, and each resumed here finds its
     * training done.
     */
    List<FoldResult> run(NDManager manager, RunListener listener, Optional<FoldProcesses> processes)
            throws IOException {
        List<Path> foldFolders = setUp(listener);
        if (processes.isPresent()) {
            processes.get().train(foldFolders);
        }
        List<FoldResult> results = new ArrayList<>();
        for (int k = 0; k < foldFolders.size(); k++) {
            Path foldFolder = foldFolders.get(k);
            listener.note("fold " + k + " of " + foldFolders.size() + " in " + foldFolder);
            RunConfig foldConfig = RunConfig.read(foldFolder.resolve(RunFolder.CONFIG));
            TrainingOutcome outcome = new TrainingRun(foldConfig, foldFolder, listener, ConfigChange.REFUSE)
                    .run(manager);
            results.add(result(k, outcome));
        }
        writeSummary(results);
        decidePostprocessing(foldFolders, listener);
        return results;
    }

    /**
     * Decides one postprocessing on the out-of-fold predictions of all folds together (each case predicted by the
     * fold that did not train on it), as nnU-Net does after cross-validation, and writes it into every fold's
     * {@code model.json}, so an ensemble of the folds applies it.
     */
    private void decidePostprocessing(List<Path> foldFolders, RunListener listener) throws IOException {
        List<CaseFiles> cases = new DatasetPreparation(config, folder).validCases();
        Map<String, CaseFiles> byId = cases.stream().collect(Collectors.toMap(CaseFiles::id, Function.identity()));
        SplitFile split = SplitFile.loadOrCreate(folder.resolve(RunFolder.SPLIT), cases.stream().map(CaseFiles::id)
                .toList(), config.crossValidation().nFolds(), config.crossValidation().seed());
        List<SegmentationPairs.Pair> pairs = new ArrayList<>();
        List<String> epochs = new ArrayList<>();
        for (int k = 0; k < foldFolders.size(); k++) {
            Path record = foldFolders.get(k).resolve(FullValidation.FOLDER).resolve(FullValidation.RECORD);
            epochs.add(Integer.toString(ConfigJson.read(record, FullValidation.Record.class).epoch()));
            for (String id : split.fold(k).validation()) {
                CaseFiles validated = byId.get(id);
                if (validated == null || validated.label().isEmpty()) {
                    throw new ConfigException(folder.resolve(RunFolder.SPLIT) + ": case " + id + " of fold " + k
                            + " is no longer a case with a label map in the dataset");
                }
                pairs.add(new SegmentationPairs.Pair(id, FullValidation.prediction(foldFolders.get(k), id),
                        validated.label().get()));
            }
        }
        // The folds' epochs are part of what was decided on: folds trained further decide again.
        ChosenPostprocessing chosen = PostprocessingDecision.decide(ModelDescription.of(config), pairs,
                "out-of-fold validation of " + foldFolders.size() + " folds (epochs " + String.join(", ", epochs)
                        + ") on " + pairs.size() + " case(s)", folder.resolve(PostprocessingDecision.FILE), listener);
        for (Path foldFolder : foldFolders) {
            PostprocessingDecision.record(foldFolder, chosen);
        }
    }

    private static FoldResult result(int fold, TrainingOutcome outcome) {
        List<Double> dice = outcome.bestEpoch() == 0
                ? outcome.history().outputs().stream().map(name -> Double.NaN).toList()
                : Arrays.stream(outcome.history().epoch(outcome.bestEpoch()).validation().orElseThrow().dice())
                        .boxed().toList();
        return new FoldResult(fold, outcome.bestEpoch(), outcome.bestDice(), dice);
    }

    private void writeSummary(List<FoldResult> results) throws IOException {
        List<String> outputs = config.dataset().regionNames();
        AtomicFiles.write(folder.resolve(SUMMARY), out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("fold,best_epoch,mean_dice," + String.join(",", outputs.stream().map(n -> "dice_" + n)
                    .toList()) + "\n");
            double[] sums = new double[outputs.size() + 1];
            for (FoldResult r : results) {
                writer.write(r.fold() + "," + r.bestEpoch() + "," + format(r.meanDice()));
                sums[0] += r.meanDice();
                for (int c = 0; c < outputs.size(); c++) {
                    writer.write("," + format(r.dicePerOutput().get(c)));
                    sums[c + 1] += r.dicePerOutput().get(c);
                }
                writer.write("\n");
            }
            writer.write("mean,," + format(sums[0] / results.size()));
            for (int c = 0; c < outputs.size(); c++) {
                writer.write("," + format(sums[c + 1] / results.size()));
            }
            writer.write("\n");
            writer.flush();
        });
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
