package org.voxseg.core.workflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.training.LearningRateFinder;
import org.voxseg.core.training.ProgressPlot;
import org.voxseg.core.training.TrainingStep;
import org.voxseg.data.cache.PreprocessedCache;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.sampling.Batch;
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

    public LearningRateSearch(RunConfig config, LearningRateFinder finder) {
        this.config = config;
        this.finder = finder;
    }

    /** Runs the test on every case of the dataset and writes its files into {@code folder}. */
    public LearningRateFinder.Result run(Path folder, NDManager parent) throws IOException {
        List<CaseFiles> cases = TrainingRun.validCases(config.dataset());
        Files.createDirectories(folder);
        PreprocessedCache cache = TrainingRun.cacheFor(config, folder);
        List<SamplingCase> samples = new ArrayList<>();
        for (CaseFiles entry : cases) {
            samples.add(TrainingRun.prepare(cache, entry));
        }
        TrainingConfig training = config.training();
        int[] patch = training.patchSize().toArray();
        LearningRateFinder.Result result;
        try (NDManager manager = parent.newSubManager();
                BatchLoader loader = BatchLoader.builder().cases(samples)
                        .sampler(new PatchSampler(patch, training.foregroundFraction()))
                        .augmentation(training.augmentation().pipeline(training.patchSize()))
                        .encoding(config.dataset().encoding())
                        .batchSize(training.batchSize()).seed(training.seed()).build()) {
            Engine.getEngine("PyTorch").setRandomSeed((int) training.seed());
            UNet3d net = new UNet3d(config.model());
            net.initialize(manager, DataType.FLOAT32,
                    new Shape(training.batchSize(), config.model().inChannels(), patch[2], patch[1], patch[0]));
            try (Optimizer optimizer = config.optimizer().build(manager)) {
                TrainingStep step = new TrainingStep(net, new DeepSupervisionLoss(config.loss().build(),
                        config.model().trainingOutputs()), optimizer, config.optimizer().clipGradNorm(), manager);
                result = finder.run(rate -> {
                    Batch batch = loader.next();
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = scope.create(batch.images(), new Shape(batch.imageTensorShape()));
                        NDArray y = scope.create(batch.targets(), new Shape(batch.targetTensorShape()));
                        return step.run(x, y, rate);
                    } catch (IllegalStateException diverged) {
                        return Double.POSITIVE_INFINITY;
                    }
                });
            }
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
