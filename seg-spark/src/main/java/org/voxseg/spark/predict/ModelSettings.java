package org.voxseg.spark.predict;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.voxseg.core.api.PredictionOverrides;

/**
 * The models of a prediction and how to run them, as sent to every executor: the key under which an executor keeps
 * its loaded models, so equal settings reuse them across cases and jobs.
 *
 * @param models run folders or checkpoints (URIs); several are averaged
 * @param overrides what the prediction changes of the models' stored prediction settings, as {@code voxseg predict}
 *        does
 * @param threads libtorch's compute threads per executor JVM (0: the engine's default)
 */
public record ModelSettings(List<String> models, PredictionOverrides overrides, int threads) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    public ModelSettings {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model given");
        }
        Objects.requireNonNull(overrides, "overrides");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
    }
}
