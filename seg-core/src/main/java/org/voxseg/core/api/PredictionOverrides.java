package org.voxseg.core.api;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.prediction.MirrorAxes;
import org.voxseg.data.geometry.Extent;

/**
 * What a front end may change of a model's stored prediction settings ({@code model.json}'s {@code prediction}
 * section) for one prediction: each setting left null keeps the model's. The command line, Fiji and Spark pass the
 * same record, so the same options give the same label maps everywhere; it is serializable, so a Spark job sends it to
 * its executors as it is.
 *
 * @param roi the window along (x, y, z), or null
 * @param overlap the fraction of a window shared with its neighbour, or null
 * @param windowBatch windows per forward pass, or null
 * @param tta whether to average the mirrored predictions, or null
 * @param mirrorAxes the axes test-time augmentation flips (all three: 8 passes; fewer: 2 or 4)
 * @param probabilities whether to write {@code <case>_probabilities.nii.gz} beside each label map
 * @param postprocessing whether to apply the model's postprocessing (decided on validation, or the config's keys)
 * @param device the device to predict on, or null for the model's {@code prediction.device}
 * @param precision the number type the network computes in (fp16 only on a GPU)
 */
public record PredictionOverrides(Extent roi, Double overlap, Integer windowBatch, Boolean tta,
        MirrorAxes mirrorAxes, boolean probabilities, boolean postprocessing, DeviceRequest device,
        Precision precision) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The model's settings unchanged, labels only. */
    public static final PredictionOverrides NONE = builder().build();

    /** A builder with nothing overridden. */
    public static Builder builder() {
        return new Builder();
    }

    /** The model's settings with these overrides applied. */
    public PredictionConfig applyTo(PredictionConfig model) {
        return model.with(roi != null ? roi : model.roi(), overlap != null ? overlap : model.overlap(),
                windowBatch != null ? windowBatch : model.swBatchSize(), tta != null ? tta : model.tta());
    }

    /** These overrides on {@code other} device. */
    public PredictionOverrides onDevice(DeviceRequest other) {
        return new PredictionOverrides(roi, overlap, windowBatch, tta, mirrorAxes, probabilities, postprocessing, other,
                precision);
    }

    /** Collects overrides; nothing set keeps every model setting. */
    public static final class Builder {
        private Extent roi;
        private Double overlap;
        private Integer windowBatch;
        private Boolean tta;
        private MirrorAxes mirrorAxes = MirrorAxes.ALL;
        private boolean probabilities;
        private boolean postprocessing = true;
        private DeviceRequest device;
        private Precision precision = Precision.FP32;

        private Builder() {
        }

        /** The window along (x, y, z), or null for the model's. */
        public Builder roi(Extent window) {
            this.roi = window;
            return this;
        }

        /** The overlap of neighbouring windows in [0, 1), or null for the model's. */
        public Builder overlap(Double fraction) {
            this.overlap = fraction;
            return this;
        }

        /** Windows per forward pass, or null for the model's. */
        public Builder windowBatch(Integer windows) {
            this.windowBatch = windows;
            return this;
        }

        /** Mirror TTA on (true), off (false) or as the model says (null). */
        public Builder tta(Boolean mirror) {
            this.tta = mirror;
            return this;
        }

        /** The axes test-time augmentation flips (default: x, y and z). */
        public Builder mirrorAxes(MirrorAxes axes) {
            this.mirrorAxes = Objects.requireNonNull(axes, "axes");
            return this;
        }

        /** Whether to write the probabilities beside each label map (default: no). */
        public Builder probabilities(boolean write) {
            this.probabilities = write;
            return this;
        }

        /** Whether to apply the model's postprocessing (default: yes). */
        public Builder postprocessing(boolean apply) {
            this.postprocessing = apply;
            return this;
        }

        /** The device to predict on, or null for the model's. */
        public Builder device(DeviceRequest request) {
            this.device = request;
            return this;
        }

        /** The number type the network computes in (default: float32, as trained). */
        public Builder precision(Precision type) {
            this.precision = Objects.requireNonNull(type, "precision");
            return this;
        }

        /** The overrides collected. */
        public PredictionOverrides build() {
            return new PredictionOverrides(roi, overlap, windowBatch, tta, mirrorAxes, probabilities, postprocessing,
                    device,
                    precision);
        }
    }
}
