package org.voxseg.core.config;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.Objects;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
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
        requirePositive("epochs", epochs);
        requirePositive("iterations_per_epoch", iterationsPerEpoch);
        requirePositive("batch_size", batchSize);
        requirePositive("validate_every", validateEvery);
        requirePositive("validation_batches", validationBatches);
        requirePositive("loader_threads", loaderThreads);
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        if (!(foregroundFraction >= 0 && foregroundFraction <= 1) || !(validationOverlap >= 0
                && validationOverlap < 1)) {
            throw new IllegalArgumentException("foreground_fraction must be in [0, 1] and validation_overlap in "
                    + "[0, 1), not " + foregroundFraction + " and " + validationOverlap);
        }
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
        if (checkpointEvery < 0 || keepLast < 0 || threads < 0 || movingAveragePatience < 0 || earlyStopPatience < 0
                || freezeEpochs < 0 || fullValidationEvery < 0) {
            throw new IllegalArgumentException("checkpoint_every, keep_last, threads, early_stop_patience, "
                    + "moving_average_patience, freeze_epochs and full_validation_every must not be negative, not "
                    + checkpointEvery + ", " + keepLast + ", " + threads + ", " + earlyStopPatience + ", "
                    + movingAveragePatience + ", " + freezeEpochs + " and " + fullValidationEvery);
        }
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }

    /** This section with the command line's overrides (null: keep). */
    public TrainingConfig with(Integer newEpochs, Integer newBatchSize, Long newSeed, Integer newThreads,
            String newPretrained, DeviceRequest newDevice, Precision newPrecision) {
        return new TrainingConfig(newEpochs != null ? newEpochs : epochs, iterationsPerEpoch,
                newBatchSize != null ? newBatchSize : batchSize, patchSize, foregroundFraction,
                newSeed != null ? newSeed : seed, validateEvery, validationBatches, fullValidationEvery,
                validationOverlap, earlyStopPatience,
                movingAveragePatience, augmentation, freeze, freezeEpochs,
                newPretrained != null ? newPretrained : pretrained, checkpointEvery, keepLast,
                newThreads != null ? newThreads : threads, loaderThreads, newDevice != null ? newDevice : device,
                newPrecision != null ? newPrecision : precision);
    }

    /** This section with a relative {@code pretrained} path taken as relative to {@code folder}. */
    public TrainingConfig withPretrainedResolvedAgainst(Path folder) {
        if (pretrained == null || Path.of(pretrained).isAbsolute()) {
            return this;
        }
        return new TrainingConfig(epochs, iterationsPerEpoch, batchSize, patchSize, foregroundFraction, seed,
                validateEvery, validationBatches, fullValidationEvery, validationOverlap, earlyStopPatience,
                movingAveragePatience, augmentation, freeze, freezeEpochs,
                folder.resolve(pretrained).normalize().toString(), checkpointEvery, keepLast, threads, loaderThreads,
                device, precision);
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
