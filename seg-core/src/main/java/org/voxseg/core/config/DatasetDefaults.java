package org.voxseg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.voxseg.data.dataset.DatasetDescription;
import org.voxseg.data.dataset.DatasetLayouts;
import org.voxseg.data.dataset.LabelScheme;

/**
 * Completes a config whose {@code dataset.root} names a dataset that describes itself ({@code dataset.json}, or a
 * BraTS edition's known names): the dataset's channels, labels, nesting and output names, and the model's channel
 * counts and the loss's activation that follow from them, fill the keys the config leaves out, so that a user writes
 * none of them. A key the config gives must agree with the dataset; one that does not is refused, naming both. A CT
 * channel turns the foreground crop off unless the config asks for it, since the crop keeps voxels above 0 and would
 * drop air and fat (negative HU); a dataset of CT channels only is normalised as nnU-Net normalises CT (clipped to
 * and scaled by the training foreground's intensities, {@code "normalization": "ct"}) unless the config chooses a
 * normalisation, clipping or scaling of its own.
 */
final class DatasetDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The channel name the Decathlon and nnU-Net give CT, whose air and soft tissue lie below 0. */
    private static final String CT = "CT";
    /** The preprocessing keys by which a config chooses its own intensity handling. */
    private static final List<String> INTENSITY_KEYS = List.of("normalization", "clip_percentiles",
            "scale_intensity_range", "channel_wise");

    private final Path configFile;

    /** @param configFile the config being read, for messages and to resolve a relative root */
    DatasetDefaults(Path configFile) {
        this.configFile = configFile;
    }

    /**
     * {@code config} completed from its dataset's description; unchanged if it names no {@code dataset.root}.
     *
     * @throws ConfigException if a given key contradicts the dataset
     * @throws IOException if the dataset cannot be read or its description is malformed
     */
    JsonNode complete(JsonNode config) throws IOException {
        JsonNode dataset = config.path("dataset");
        if (!dataset.path("root").isTextual()) {
            return config;
        }
        Path root = configFile.toAbsolutePath().getParent().resolve(dataset.get("root").asText()).normalize();
        DatasetDescription description = DatasetLayouts.describe(root);
        ObjectNode completed = config.deepCopy();
        ObjectNode section = (ObjectNode) completed.get("dataset");
        String source = description.layout().title() + " " + root;
        if (!description.channels().isEmpty()) {
            fill(section, "channels", JSON.valueToTree(description.channels()), source);
        }
        Optional<LabelScheme> labels = description.labels();
        if (labels.isPresent()) {
            LabelScheme scheme = labels.get();
            fill(section, "labels", JSON.valueToTree(scheme.labels()), source);
            fill(section, "label_hierarchy", JSON.valueToTree(scheme.nestedRegions()), source);
            fill(section, "region_names", JSON.valueToTree(scheme.outputNames()), source);
            putIfAbsent(completed, "model", "out_channels", JSON.valueToTree(scheme.outputNames().size()));
            putIfAbsent(completed, "loss", "activation", JSON.valueToTree(scheme.nestedRegions() ? "sigmoid"
                    : "softmax"));
        }
        if (!description.channels().isEmpty()) {
            putIfAbsent(completed, "model", "in_channels", JSON.valueToTree(description.channels().size()));
        }
        if (description.channels().stream().anyMatch(CT::equalsIgnoreCase)) {
            putIfAbsent(section, "preprocessing", "crop_foreground", JSON.valueToTree(false));
        }
        if (!description.channels().isEmpty() && description.channels().stream().allMatch(CT::equalsIgnoreCase)
                && INTENSITY_KEYS.stream().noneMatch(section.path("preprocessing")::has)) {
            putIfAbsent(section, "preprocessing", "normalization", JSON.valueToTree("ct"));
        }
        return completed;
    }

    /**
     * Sets {@code key} in the object {@code name} of {@code parent} (added if missing) unless it is set; a
     * {@code name} that is not an object is left for binding to refuse.
     */
    private static void putIfAbsent(ObjectNode parent, String name, String key, JsonNode value) {
        JsonNode child = parent.get(name);
        if (child == null || child.isNull()) {
            parent.putObject(name).set(key, value);
        } else if (child instanceof ObjectNode object) {
            object.putIfAbsent(key, value);
        }
    }

    /** Sets {@code key} to the dataset's {@code value}, or refuses a different value the config gives. */
    private void fill(ObjectNode section, String key, JsonNode value, String source) throws ConfigException {
        JsonNode given = section.get(key);
        if (given == null || given.isNull()) {
            section.set(key, value);
        } else if (!given.equals(value)) {
            throw new ConfigException(configFile + ": 'dataset." + key + "' is " + given + " but the " + source
                    + " gives " + value + "; leave the key out to take the dataset's");
        }
    }
}
