package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.training.CheckpointSeries;
import org.voxseg.data.transform.ChannelIntensities;

/**
 * Completes a config that asks for nnU-Net's CT normalisation ({@code "normalization": "ct"}) with the intensity
 * statistics of its dataset's foreground, as nnU-Net's dataset fingerprint does before preprocessing, so that the
 * run's {@code config.json} and {@code model.json} carry the numbers prediction normalises with. Every labelled case
 * of the dataset counts, whatever the fold, so all folds of a cross-validation normalise alike and can be ensembled.
 * A run that resumes keeps the numbers its {@code config.json} holds, without reading the dataset again.
 */
final class IntensityFingerprint {

    private IntensityFingerprint() {
    }

    /**
     * {@code config} with the statistics its normalisation needs; itself if it needs none or gives them.
     *
     * @param folder the run folder, whose {@code config.json} is reused when the run resumes from a checkpoint
     * @throws DatasetProblemsException if cases' values fail the data checks
     * @throws org.voxseg.core.config.ConfigException if the dataset has no cases or no foreground
     * @throws IOException if a case cannot be read
     */
    static RunConfig complete(RunConfig config, Path folder, RunListener listener) throws IOException {
        PreprocessingConfig preprocessing = config.dataset().preprocessing();
        if (!preprocessing.needsIntensityStatistics()) {
            return config;
        }
        List<ChannelIntensities> statistics = stored(folder);
        if (statistics == null) {
            DatasetPreparation data = new DatasetPreparation(config, folder);
            statistics = data.foregroundStatistics(data.validCases(), listener);
            listener.note("CT normalisation with the training foreground's " + statistics);
        } else {
            listener.note("resuming with the foreground intensity statistics in " + folder.resolve(RunFolder.CONFIG));
        }
        return config.withDataset(config.dataset().withPreprocessing(
                preprocessing.withIntensityStatistics(statistics)));
    }

    /** The statistics the run folder's config holds if the run has a checkpoint to resume from, else null. */
    private static List<ChannelIntensities> stored(Path folder) throws IOException {
        Path stored = folder.resolve(RunFolder.CONFIG);
        if (!Files.exists(folder.resolve(CheckpointSeries.LATEST)) || !Files.exists(stored)) {
            return null;
        }
        return RunConfig.read(stored).dataset().preprocessing().intensityStatistics();
    }
}
