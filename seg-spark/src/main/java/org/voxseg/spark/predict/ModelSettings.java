package org.voxseg.spark.predict;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.voxseg.core.api.InferenceOverrides;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.inference.Precision;
import org.voxseg.data.grid.Extent;

/**
 * The models of a prediction and how to run them, as sent to every executor: the key under which an executor keeps
 * its loaded models, so equal settings reuse them across cases and jobs. Null settings keep the model's own.
 *
 * @param models run folders or checkpoints (URIs); several are averaged
 * @param roi the window along (x, y, z), or null
 * @param overlap the sliding-window overlap, or null
 * @param windowBatch windows per forward pass, or null
 * @param tta whether to average the 8 mirrored predictions, or null
 * @param postprocessing whether to apply the model's postprocessing
 * @param device the device ({@code auto}, {@code cpu}, {@code gpu:N}), or null for the model's
 * @param precision the number type the network computes in
 * @param threads libtorch's compute threads per executor JVM (0: the engine's default)
 */
public record ModelSettings(List<String> models, List<Integer> roi, Double overlap, Integer windowBatch, Boolean tta,
        boolean postprocessing, String device, Precision precision, int threads) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public ModelSettings {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model given");
        }
        roi = roi == null ? null : List.copyOf(roi);
        if (device != null) {
            DeviceRequest.parse(device);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
    }

    /** A builder for {@code models} that keeps everything the models stored, on the engine's default threads. */
    public static Builder builder(List<String> models) {
        return new Builder(models);
    }

    /** What seg-core's segmenter changes of the models' stored inference settings: as {@code voxseg predict}. */
    public InferenceOverrides overrides() {
        return InferenceOverrides.builder()
                .roi(roi == null ? null : Extent.of(roi.stream().mapToInt(Integer::intValue).toArray()))
                .overlap(overlap).windowBatch(windowBatch).tta(tta).postprocessing(postprocessing)
                .device(device == null ? null : DeviceRequest.parse(device)).precision(precision).build();
    }

    /** Collects the settings a command line gives; unset ones keep the models' own. */
    public static final class Builder {
        private final List<String> models;
        private List<Integer> roi;
        private Double overlap;
        private Integer windowBatch;
        private Boolean tta;
        private boolean postprocessing = true;
        private String device;
        private Precision precision = Precision.FP32;
        private int threads;

        private Builder(List<String> models) {
            this.models = List.copyOf(models);
        }

        /** The window along (x, y, z), or null for the model's. */
        public Builder roi(int[] window) {
            this.roi = window == null ? null : Arrays.stream(window).boxed().toList();
            return this;
        }

        /** The sliding-window overlap, or null for the model's. */
        public Builder overlap(Double fraction) {
            this.overlap = fraction;
            return this;
        }

        /** Windows per forward pass, or null for the model's. */
        public Builder windowBatch(Integer windows) {
            this.windowBatch = windows;
            return this;
        }

        /** Mirror TTA on or off, or null for the model's. */
        public Builder tta(Boolean mirror) {
            this.tta = mirror;
            return this;
        }

        /** Whether to apply the model's postprocessing (default true). */
        public Builder postprocessing(boolean apply) {
            this.postprocessing = apply;
            return this;
        }

        /** The device's name ({@code auto}, {@code cpu}, {@code gpu:N}), or null for the model's. */
        public Builder device(String name) {
            this.device = name;
            return this;
        }

        /** The number type the network computes in (default fp32). */
        public Builder precision(Precision type) {
            this.precision = type;
            return this;
        }

        /** libtorch's compute threads per executor JVM (0, the default: the engine's). */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        public ModelSettings build() {
            return new ModelSettings(models, roi, overlap, windowBatch, tta, postprocessing, device, precision,
                    threads);
        }
    }
}
