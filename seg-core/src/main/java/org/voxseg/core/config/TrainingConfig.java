package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.voxseg.core.training.TrainingSettings;
import org.voxseg.data.grid.Extent;

/**
 * The config's {@code training} section: length, batches, seed, validation, early stopping, augmentation,
 * checkpointing, fine-tuning and threads.
 *
 * @param epochs epochs to run
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize patches per step
 * @param patchSize patch voxels along (x, y, z)
 * @param foregroundFraction share of patches centred on foreground (nnU-Net: 0.33)
 * @param seed the seed every random choice derives from
 * @param validateEvery validate after every this many epochs (and after the last)
 * @param validationOverlap sliding-window overlap for validation
 * @param earlyStopPatience stop after this many validations without a better Dice (3DUnetCNN rule; 0: off)
 * @param movingAveragePatience stop when the moving average of the Dice has not improved for this many epochs
 *     (nnU-Net rule; 0: off)
 * @param augmentation the augmentation section
 * @param freeze regular expression over readable parameter names to freeze (e.g. {@code encoder.*}), or null
 * @param freezeEpochs epochs the frozen parameters stay frozen
 * @param pretrained a run folder or checkpoint to start from (shape-tolerant), or null
 * @param checkpointEvery also keep {@code epoch_NNNN.ckpt} every this many epochs (0: off)
 * @param keepLast keep only the newest this many {@code epoch_NNNN.ckpt} (0: keep all)
 * @param threads native compute threads (0: the engine's default)
 * @param loaderThreads threads preparing batches
 */
public record TrainingConfig(int epochs, int iterationsPerEpoch, int batchSize, Extent patchSize,
        double foregroundFraction, long seed, int validateEvery, double validationOverlap, int earlyStopPatience,
        int movingAveragePatience, AugmentationConfig augmentation, String freeze, int freezeEpochs,
        String pretrained, int checkpointEvery, int keepLast, int threads, int loaderThreads) {

    /** Reads the section; absent fields: nnU-Net-like (1000 epochs of 250 steps of 2 patches of 128^3). */
    @JsonCreator
    public static TrainingConfig of(@JsonProperty("epochs") Integer epochs,
            @JsonProperty("iterations_per_epoch") Integer iterationsPerEpoch,
            @JsonProperty("batch_size") Integer batchSize, @JsonProperty("patch_size") Extent patchSize,
            @JsonProperty("foreground_fraction") Double foregroundFraction, @JsonProperty("seed") Long seed,
            @JsonProperty("validate_every") Integer validateEvery,
            @JsonProperty("validation_overlap") Double validationOverlap,
            @JsonProperty("early_stop_patience") Integer earlyStopPatience,
            @JsonProperty("moving_average_patience") Integer movingAveragePatience,
            @JsonProperty("augmentation") AugmentationConfig augmentation, @JsonProperty("freeze") String freeze,
            @JsonProperty("freeze_epochs") Integer freezeEpochs, @JsonProperty("pretrained") String pretrained,
            @JsonProperty("checkpoint_every") Integer checkpointEvery, @JsonProperty("keep_last") Integer keepLast,
            @JsonProperty("threads") Integer threads, @JsonProperty("loader_threads") Integer loaderThreads) {
        return new TrainingConfig(epochs == null ? 1000 : epochs, iterationsPerEpoch == null ? 250 : iterationsPerEpoch,
                batchSize == null ? 2 : batchSize, patchSize == null ? Extent.cube(128) : patchSize,
                foregroundFraction == null ? 0.33 : foregroundFraction, seed == null ? 42 : seed,
                validateEvery == null ? 1 : validateEvery, validationOverlap == null ? 0.25 : validationOverlap,
                earlyStopPatience == null ? 0 : earlyStopPatience,
                movingAveragePatience == null ? 0 : movingAveragePatience,
                augmentation == null ? ConfigJson.defaults(AugmentationConfig.class) : augmentation, freeze,
                freezeEpochs == null ? 0 : freezeEpochs, pretrained, checkpointEvery == null ? 0 : checkpointEvery,
                keepLast == null ? 0 : keepLast, threads == null ? 0 : threads,
                loaderThreads == null ? 1 : loaderThreads);
    }

    public TrainingConfig {
        settings(epochs, iterationsPerEpoch, batchSize, patchSize, foregroundFraction, seed, validateEvery,
                validationOverlap, earlyStopPatience);
        if (freeze == null && freezeEpochs > 0) {
            throw new IllegalArgumentException("freeze_epochs needs freeze, the parameters to freeze");
        }
        if (checkpointEvery < 0 || keepLast < 0 || threads < 0 || loaderThreads < 1 || movingAveragePatience < 0) {
            throw new IllegalArgumentException("checkpoint_every, keep_last, threads and moving_average_patience must"
                    + " not be negative, loader_threads must be positive");
        }
    }

    /** The settings the training loop runs with. */
    public TrainingSettings settings() {
        return settings(epochs, iterationsPerEpoch, batchSize, patchSize, foregroundFraction, seed, validateEvery,
                validationOverlap, earlyStopPatience);
    }

    /** This section with the command line's overrides (null: keep). */
    public TrainingConfig with(Integer newEpochs, Integer newBatchSize, Long newSeed, Integer newThreads,
            String newPretrained) {
        return new TrainingConfig(newEpochs != null ? newEpochs : epochs, iterationsPerEpoch,
                newBatchSize != null ? newBatchSize : batchSize, patchSize, foregroundFraction,
                newSeed != null ? newSeed : seed, validateEvery, validationOverlap, earlyStopPatience,
                movingAveragePatience, augmentation, freeze, freezeEpochs,
                newPretrained != null ? newPretrained : pretrained, checkpointEvery, keepLast,
                newThreads != null ? newThreads : threads, loaderThreads);
    }

    private static TrainingSettings settings(int epochs, int iterations, int batchSize, Extent patch,
            double foregroundFraction, long seed, int validateEvery, double overlap, int patience) {
        return new TrainingSettings(epochs, iterations, batchSize, patch, foregroundFraction, seed, validateEvery,
                overlap, patience);
    }
}
