package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.voxseg.core.optim.ParameterGroup;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.RemoveSmallComponents;
import org.voxseg.data.label.ReplaceSmallLabel;

/**
 * Jackson mix-ins for value types that live outside {@code config} and know nothing of JSON ({@link ConfigSchema}
 * registers them): how a postprocessing step and an optimiser's parameter group are written and read.
 */
final class ConfigMixins {

    private ConfigMixins() {
    }

    /** A postprocessing step is written with its kind under {@code step}, then its own keys. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = KeepLargestComponent.class, name = "keep_largest_component"),
        @JsonSubTypes.Type(value = RemoveSmallComponents.class, name = "remove_small_components"),
        @JsonSubTypes.Type(value = ReplaceSmallLabel.class, name = "replace_small_label")
    })
    abstract static class PostprocessingStepMixin {
    }

    abstract static class ParameterGroupMixin {
        @JsonCreator
        static ParameterGroup of(@JsonProperty(value = "match", required = true) String match,
                @JsonProperty(value = "lr", required = true) double learningRate,
                @JsonProperty("weight_decay") Double weightDecay) {
            throw new UnsupportedOperationException("a mix-in");
        }
    }
}
