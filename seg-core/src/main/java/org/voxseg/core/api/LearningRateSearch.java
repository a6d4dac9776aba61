package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.core.training.LearningRateFinder;
import org.voxseg.core.training.ProgressPlot;
import org.voxseg.core.training.TrainingDivergedException;
import org.voxseg.core.training.TrainingSetup;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.SamplingCase;

/**
 * The LR range test on a config's network, loss, optimiser and training batches (MONAI's LearningRateFinder
 * semantics): writes {@code lr_finder.csv} and {@code lr_finder.png} and returns the suggestion. It trains a network
 * of its own that is discarded afterwards, so no state of the test reaches a later training run.
 */
public final class LearningRateSearch {

    public static final String CSV = "lr_finder.csv";
    public static final String PLOT = "lr_finder.png";

    private final RunConfig config;
    private final LearningRateFinder finder;

    LearningRateSearch(RunConfig config, LearningRateFinder finder) {
        this.config = config;
        this.finder = finder;
    }

    /** Runs the test on every case of the dataset and writes its files into {@code folder}. */
    LearningRateFinder.Result run(Path folder, NDManager manager) throws IOException {
        SegmentationLoss loss = config.loss().build();
        DatasetPreparation data = new DatasetPreparation(config, folder);
        List<CaseFiles> cases = data.validCases();
        Files.createDirectories(folder);
        List<SamplingCase> samples = data.prepare(cases, RunListener.NONE);
        TrainingConfig training = config.training();
        Extent patch = training.patchSize();
        LearningRateFinder.Result result;
        try (TrainingSetup setup = TrainingSetup.create(config.model(), training.precision(), training.batchSize(),
                patch, loss, config.optimizer(), training.seed(), manager);
                BatchLoader loader = BatchLoader.builder().cases(samples)
                        .sampler(new PatchSampler(patch.toArray(), training.foregroundFraction()))
                        .augmentation(training.augmentation().pipeline(patch))
                        .encoding(config.dataset().encoding())
                        .batchSize(training.batchSize()).seed(training.seed()).build()) {
            result = finder.run(rate -> {
                try {
                    return setup.step().run(loader.next(), rate);
                } catch (TrainingDivergedException diverged) {
                    return Double.POSITIVE_INFINITY;
                }
            });
        }
        writeCsv(folder.resolve(CSV), result);
        ProgressPlot.writeRangeTest(folder.resolve(PLOT), result);
        return result;
    }

    private static void writeCsv(Path file, LearningRateFinder.Result result) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("lr,smoothed_loss\n");
            for (int i = 0; i < result.rates().size(); i++) {
                writer.write(String.format(Locale.ROOT, "%.8g,%.8g%n", result.rates().get(i),
                        result.losses().get(i)));
            }
            writer.flush();
        });
    }
}
