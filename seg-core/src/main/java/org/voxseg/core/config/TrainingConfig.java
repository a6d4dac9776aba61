package org.voxseg.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.data.geometry.Extent;

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
 * @param validateEvery validate on patches after every this many epochs (and after the last)
 * @param validationBatches batches of fixed, seeded validation patches per validation (nnU-Net: 50)
 * @param fullValidationEvery also validate whole cases by sliding window every this many epochs (0: only after the
 *     last, which always happens)
 * @param validationOverlap sliding-window overlap for the whole-case validation
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
 * @param device the device the network, optimiser state and batches live on (default auto: GPU 0 if libtorch sees
 *     one, else the CPU); checkpoints do not depend on it
 * @param precision the number type of the convolutions: fp32, or mixed precision with bf16 or fp16 convolutions and
 *     float32 weights, normalisation, outputs and loss
 */
public record TrainingConfig(int epochs, int iterationsPerEpoch, int batchSize, Extent patchSize,
        double foregroundFraction, long seed, int validateEvery, int validationBatches, int fullValidationEvery,
        double validationOverlap, int earlyStopPatience,
        int movingAveragePatience, AugmentationConfig augmentation, String freeze, int freezeEpochs,
        String pretrained, int checkpointEvery, int keepLast, int threads, int loaderThreads, DeviceRequest device,
        Precision precision) {

    /** A builder with the defaults: nnU-Net-like, 1000 epochs of 250 steps of 2 patches of 128^3. */
    public static Builder builder() {
        return new Builder();
    }

    public TrainingConfig {
        SectionChecks.requirePositive("epochs", epochs);
        SectionChecks.requirePositive("iterations_per_epoch", iterationsPerEpoch);
        SectionChecks.requirePositive("batch_size", batchSize);
        SectionChecks.requirePositive("validate_every", validateEvery);
        SectionChecks.requirePositive("validation_batches", validationBatches);
        SectionChecks.requirePositive("loader_threads", loaderThreads);
        SectionChecks.requireNonNegative("checkpoint_every", checkpointEvery);
        SectionChecks.requireNonNegative("keep_last", keepLast);
        SectionChecks.requireNonNegative("threads", threads);
        SectionChecks.requireNonNegative("early_stop_patience", earlyStopPatience);
        SectionChecks.requireNonNegative("moving_average_patience", movingAveragePatience);
        SectionChecks.requireNonNegative("freeze_epochs", freezeEpochs);
        SectionChecks.requireNonNegative("full_validation_every", fullValidationEvery);
        SectionChecks.requireFraction("foreground_fraction", foregroundFraction, true);
        SectionChecks.requireFraction("validation_overlap", validationOverlap, false);
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        if (freeze == null && freezeEpochs > 0) {
            throw new IllegalArgumentException("freeze_epochs needs freeze, the parameters to freeze");
        }
        if (freeze != null) {
            try {
                Pattern.compile(freeze);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("freeze is not a regular expression: '" + freeze + "' ("
                        + e.getDescription() + ")", e);
            }
        }
    }

    /** A builder holding this section's values, to change some of them (e.g. from the command line). */
    public Builder toBuilder() {
        return new Builder().epochs(epochs).iterationsPerEpoch(iterationsPerEpoch).batchSize(batchSize)
                .patchSize(patchSize).foregroundFraction(foregroundFraction).seed(seed).validateEvery(validateEvery)
                .validationBatches(validationBatches).fullValidationEvery(fullValidationEvery)
                .validationOverlap(validationOverlap).earlyStopPatience(earlyStopPatience)
                .movingAveragePatience(movingAveragePatience).augmentation(augmentation).freeze(freeze)
                .freezeEpochs(freezeEpochs).pretrained(pretrained).checkpointEvery(checkpointEvery).keepLast(keepLast)
                .threads(threads).loaderThreads(loaderThreads).device(device).precision(precision);
    }

    /** This section with a relative {@code pretrained} path taken as relative to {@code folder}. */
    public TrainingConfig withPretrainedResolvedAgainst(Path folder) {
        if (pretrained == null || Path.of(pretrained).isAbsolute()) {
            return this;
        }
        return toBuilder().pretrained(folder.resolve(pretrained).normalize().toString()).build();
    }

    /** Collects a training section. */
    public static final class Builder {
        private int epochs = 1000;
        private int iterationsPerEpoch = 250;
        private int batchSize = 2;
        private Extent patchSize = Extent.cube(128);
        private double foregroundFraction = 0.33;
        private long seed = 42;
        private int validateEvery = 1;
        private int validationBatches = 50;
        private int fullValidationEvery;
        private double validationOverlap = 0.25;
        private int earlyStopPatience;
        private int movingAveragePatience;
        private AugmentationConfig augmentation = AugmentationConfig.builder().build();
        private String freeze;
        private int freezeEpochs;
        private String pretrained;
        private int checkpointEvery;
        private int keepLast;
        private int threads;
        private int loaderThreads = 1;
        private DeviceRequest device = DeviceRequest.AUTO;
        private Precision precision = Precision.FP32;

        private Builder() {
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder iterationsPerEpoch(int value) {
            iterationsPerEpoch = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder patchSize(Extent value) {
            patchSize = value;
            return this;
        }

        public Builder foregroundFraction(double value) {
            foregroundFraction = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder validateEvery(int value) {
            validateEvery = value;
            return this;
        }

        public Builder validationBatches(int value) {
            validationBatches = value;
            return this;
        }

        public Builder fullValidationEvery(int value) {
            fullValidationEvery = value;
            return this;
        }

        public Builder validationOverlap(double value) {
            validationOverlap = value;
            return this;
        }

        public Builder earlyStopPatience(int value) {
            earlyStopPatience = value;
            return this;
        }

        public Builder movingAveragePatience(int value) {
            movingAveragePatience = value;
            return this;
        }

        public Builder augmentation(AugmentationConfig value) {
            augmentation = value;
            return this;
        }

        public Builder freeze(String value) {
            freeze = value;
            return this;
        }

        public Builder freezeEpochs(int value) {
            freezeEpochs = value;
            return this;
        }

        public Builder pretrained(String value) {
            pretrained = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        public Builder keepLast(int value) {
            keepLast = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder loaderThreads(int value) {
            loaderThreads = value;
            return this;
        }

        public Builder device(DeviceRequest value) {
            device = value;
            return this;
        }

        public Builder precision(Precision value) {
            precision = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, iterationsPerEpoch, batchSize, patchSize, foregroundFraction, seed,
                    validateEvery, validationBatches, fullValidationEvery, validationOverlap, earlyStopPatience,
                    movingAveragePatience, augmentation, freeze, freezeEpochs, pretrained, checkpointEvery, keepLast,
                    threads, loaderThreads, device, precision);
        }
    }
}
