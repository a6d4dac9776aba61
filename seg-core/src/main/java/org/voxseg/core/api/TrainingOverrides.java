package org.voxseg.core.api;

import java.nio.file.Path;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;

/**
 * What a front end may change of a config for one run: each setting left null keeps the config's. The command
 * line and Fiji pass the same record.
 *
 * @param epochs epochs to train, or null
 * @param batchSize patches per step, or null
 * @param seed the run's seed, or null
 * @param threads native compute threads, or null
 * @param pretrained a run folder or checkpoint to start from (resolved against the working directory), or null
 * @param fold the cross-validation fold to train, or null
 * @param workers threads preprocessing cases into the cache (0: the default), or null
 * @param device the device to train on, or null
 * @param precision the number type of the convolutions, or null
 */
public record TrainingOverrides(Integer epochs, Integer batchSize, Long seed, Integer threads, Path pretrained,
        Integer fold, Integer workers, DeviceRequest device, Precision precision) {

    /** A builder with nothing overridden. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code config} with these overrides applied. */
    public RunConfig applyTo(RunConfig config) {
        TrainingConfig.Builder training = config.training().toBuilder();
        if (epochs != null) {
            training.epochs(epochs);
        }
        if (batchSize != null) {
            training.batchSize(batchSize);
        }
        if (seed != null) {
            training.seed(seed);
        }
        if (threads != null) {
            training.threads(threads);
        }
        if (pretrained != null) {
            training.pretrained(pretrained.toAbsolutePath().toString());
        }
        if (device != null) {
            training.device(device);
        }
        if (precision != null) {
            training.precision(precision);
        }
        RunConfig changed = config.withTraining(training.build());
        if (workers != null) {
            changed = changed.withDataset(changed.dataset().withPreprocessingWorkers(workers));
        }
        return fold == null ? changed : changed.withFold(fold);
    }

    /** Collects overrides; nothing set keeps the config as it is. */
    public static final class Builder {
        private Integer epochs;
        private Integer batchSize;
        private Long seed;
        private Integer threads;
        private Path pretrained;
        private Integer fold;
        private Integer workers;
        private DeviceRequest device;
        private Precision precision;

        private Builder() {
        }

        /** Epochs to train, or null for the config's. */
        public Builder epochs(Integer count) {
            this.epochs = count;
            return this;
        }

        /** Patches per step, or null for the config's. */
        public Builder batchSize(Integer patches) {
            this.batchSize = patches;
            return this;
        }

        /** The run's seed, or null for the config's. */
        public Builder seed(Long runSeed) {
            this.seed = runSeed;
            return this;
        }

        /** Native compute threads to record in the run's config, or null for the config's. */
        public Builder threads(Integer count) {
            this.threads = count;
            return this;
        }

        /** A run folder or checkpoint to start from, or null for the config's. */
        public Builder pretrained(Path runOrCheckpoint) {
            this.pretrained = runOrCheckpoint;
            return this;
        }

        /** The cross-validation fold to train, or null for the config's. */
        public Builder fold(Integer index) {
            this.fold = index;
            return this;
        }

        /** Threads preprocessing cases into the cache (0: the default), or null for the config's. */
        public Builder workers(Integer count) {
            this.workers = count;
            return this;
        }

        /** The device to train on, or null for the config's. */
        public Builder device(DeviceRequest request) {
            this.device = request;
            return this;
        }

        /** The number type of the convolutions, or null for the config's. */
        public Builder precision(Precision type) {
            this.precision = type;
            return this;
        }

        /** The overrides collected. */
        public TrainingOverrides build() {
            return new TrainingOverrides(epochs, batchSize, seed, threads, pretrained, fold, workers, device,
                    precision);
        }
    }
}
