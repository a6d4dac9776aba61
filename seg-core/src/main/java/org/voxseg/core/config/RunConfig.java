package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.voxseg.core.loss.LossConfig;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.data.geometry.Extent;

/**
 * A training configuration, modelled on 3DUnetCNN's {@code brats2020_config.json}: sections {@code model},
 * {@code optimizer}, {@code loss}, {@code scheduler}, {@code dataset}, {@code training}, {@code cross_validation}
 * and {@code prediction}. Every key is optional with a documented default; an unknown key is an error. The resolved
 * form (every default filled in, paths absolute) is written to each run folder as {@code config.json}.
 */
public record RunConfig(NetworkConfig model, OptimizerConfig optimizer, LossConfig loss, ScheduleConfig scheduler,
        DatasetConfig dataset, TrainingConfig training, CrossValidationConfig crossValidation,
        PredictionConfig prediction) {

    /** A builder with every section at its defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public RunConfig {
        if (model.inChannels() != dataset.channels().size()) {
            throw new IllegalArgumentException("model.in_channels is " + model.inChannels() + " but dataset.channels"
                    + " names " + dataset.channels().size() + " " + dataset.channels());
        }
        int outputs = dataset.encoding().channels();
        if (model.outChannels() != outputs) {
            throw new IllegalArgumentException("model.out_channels is " + model.outChannels() + " but the dataset's "
                    + "labels give " + outputs + " output channels " + dataset.regionNames());
        }
        boolean softmax = loss.activation() == OutputActivation.SOFTMAX;
        if (softmax == dataset.labelHierarchy()) {
            throw new IllegalArgumentException("loss.activation '" + loss.activation().name().toLowerCase(Locale.ROOT)
                    + "' does not fit "
                    + (dataset.labelHierarchy() ? "nested regions (use sigmoid)" : "one-hot classes (use softmax)"));
        }
        requireMultiple("training.patch_size", training.patchSize(), model.totalStride());
        if (prediction.roi() != null) {
            requireMultiple("prediction.roi", prediction.roi(), model.totalStride());
        }
        prediction = prediction.withDefaultRoi(training.patchSize());
    }

    /** Refuses a patch or window the network cannot take: every side a multiple of its total stride. */
    private static void requireMultiple(String key, Extent size, int[] stride) {
        for (int axis = 0; axis < 3; axis++) {
            if (size.get(axis) % stride[axis] != 0) {
                throw new IllegalArgumentException(key + " " + size + " is not a multiple of the network's total "
                        + "stride " + Extent.of(stride) + " (the product of model.strides)");
            }
        }
    }

    /**
     * The config in {@code file}, with relative paths (the dataset's and {@code training.pretrained}) resolved
     * against the file's folder, not the working directory, and the keys a {@code dataset.root} describes filled
     * from it ({@link DatasetDefaults}).
     *
     * @throws ConfigException naming the file and key if the config is malformed or contradicts its dataset
     */
    public static RunConfig read(Path file) throws IOException {
        return ConfigJson.read(file, RunConfig.class, new DatasetDefaults(file)::complete)
                .resolvedAgainst(file.toAbsolutePath().getParent());
    }

    /**
     * This config with its relative paths (the dataset's and {@code training.pretrained}) taken as relative to
     * {@code folder}; absolute paths stay as they are.
     */
    public RunConfig resolvedAgainst(Path folder) {
        return withDataset(dataset.resolvedAgainst(folder))
                .withTraining(training.withPretrainedResolvedAgainst(folder));
    }

    /** This config with another dataset section. */
    public RunConfig withDataset(DatasetConfig newDataset) {
        return new RunConfig(model, optimizer, loss, scheduler, newDataset, training, crossValidation, prediction);
    }

    /** This config training another fold. */
    public RunConfig withFold(int fold) {
        return new RunConfig(model, optimizer, loss, scheduler, dataset, training, crossValidation.withFold(fold),
                prediction);
    }

    /** This config with another training section. */
    public RunConfig withTraining(TrainingConfig newTraining) {
        return new RunConfig(model, optimizer, loss, scheduler, dataset, newTraining, crossValidation, prediction);
    }

    /** Collects a config; absent sections take their defaults. */
    public static final class Builder {
        private NetworkConfig model = NetworkConfig.builder().build();
        private OptimizerConfig optimizer = OptimizerConfig.defaults();
        private LossConfig loss = LossConfig.defaults();
        private ScheduleConfig scheduler = ScheduleConfig.defaults();
        private DatasetConfig dataset = DatasetConfig.builder().build();
        private TrainingConfig training = TrainingConfig.builder().build();
        private CrossValidationConfig crossValidation = CrossValidationConfig.builder().build();
        private PredictionConfig prediction = PredictionConfig.builder().build();

        private Builder() {
        }

        public Builder model(NetworkConfig value) {
            model = value;
            return this;
        }

        public Builder optimizer(OptimizerConfig value) {
            optimizer = value;
            return this;
        }

        public Builder loss(LossConfig value) {
            loss = value;
            return this;
        }

        public Builder scheduler(ScheduleConfig value) {
            scheduler = value;
            return this;
        }

        public Builder dataset(DatasetConfig value) {
            dataset = value;
            return this;
        }

        public Builder training(TrainingConfig value) {
            training = value;
            return this;
        }

        public Builder crossValidation(CrossValidationConfig value) {
            crossValidation = value;
            return this;
        }

        /** The {@code prediction} section; configs written before it was renamed call it {@code inference}. */
        @JsonAlias("inference")
        public Builder prediction(PredictionConfig value) {
            prediction = value;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(model, optimizer, loss, scheduler, dataset, training, crossValidation, prediction);
        }
    }
}
