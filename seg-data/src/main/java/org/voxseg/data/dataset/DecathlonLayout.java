package org.voxseg.data.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Medical Segmentation Decathlon's layout: a {@code dataset.json} naming the modalities ({@code "modality":
 * {"0": "FLAIR", ...}}), the labels ({@code "labels": {"0": "background", "1": "edema", ...}}) and the cases
 * ({@code "training": [{"image": "./imagesTr/BRATS_001.nii.gz", "label": "./labelsTr/BRATS_001.nii.gz"}]},
 * {@code "test": ["./imagesTs/BRATS_485.nii.gz"]}). A case's image is one file, 4-D when it has several channels.
 * Files the list does not name (the download's {@code ._BRATS_001.nii.gz}) are ignored.
 *
 * <p>The labels are one-hot classes, except for Task01_BrainTumour ({@code "name": "BRATS"}), whose labels 1
 * (oedema), 2 (non-enhancing tumour) and 3 (enhancing tumour) are trained as the nested regions WT, TC, ET.
 */
final class DecathlonLayout {

    private static final List<Integer> BRAIN_TUMOUR_REGIONS = List.of(1, 2, 3);

    private DecathlonLayout() {
    }

    /** Whether {@code json} is the Decathlon's: it names modalities rather than nnU-Net's channel names. */
    static boolean matches(DatasetJson json) {
        return json.has("modality") && !json.has("channel_names");
    }

    static DatasetDescription describe(Path root, DatasetJson json) throws IOException {
        List<String> channels = json.indexedNames("modality");
        TreeMap<Integer, String> labelNames = labelNames(json);
        LabelScheme labels = json.text("name", "").toUpperCase(Locale.ROOT).equals("BRATS")
                && List.copyOf(labelNames.keySet()).equals(BRAIN_TUMOUR_REGIONS)
                ? LabelScheme.regions(BRAIN_TUMOUR_REGIONS, BratsEdition.REGION_NAMES)
                : LabelScheme.classes(List.copyOf(labelNames.keySet()), List.copyOf(labelNames.values()));
        List<CaseFiles> cases = new ArrayList<>();
        JsonNode training = json.required("training");
        if (!training.isArray()) {
            throw json.problem("training", "must be a list of {\"image\": ..., \"label\": ...}");
        }
        for (JsonNode entry : training) {
            Path image = path(root, json, "training", entry.get("image"));
            cases.add(new CaseFiles(NiftiFiles.caseId(image), List.of(image),
                    Optional.of(path(root, json, "training", entry.get("label")))));
        }
        JsonNode test = json.has("test") ? json.required("test") : null;
        for (JsonNode entry : test == null ? List.<JsonNode>of() : test) {
            Path image = path(root, json, "test", entry);
            cases.add(new CaseFiles(NiftiFiles.caseId(image), List.of(image), Optional.empty()));
        }
        return new DatasetDescription(DatasetLayout.DECATHLON, root, channels, Optional.of(labels), cases);
    }

    /** The non-background labels and their names, by value. */
    private static TreeMap<Integer, String> labelNames(DatasetJson json) throws IOException {
        JsonNode labels = json.required("labels");
        if (!labels.isObject()) {
            throw json.problem("labels", "must be an object {\"0\": \"background\", \"1\": name, ...}");
        }
        TreeMap<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : labels.properties()) {
            int value = json.integer("labels", entry.getKey());
            if (value < 0) {
                throw json.problem("labels", "label " + value + " is negative");
            }
            if (value > 0) {
                names.put(value, entry.getValue().asText());
            }
        }
        if (names.isEmpty()) {
            throw json.problem("labels", "names no label besides the background 0");
        }
        return names;
    }

    private static Path path(Path root, DatasetJson json, String key, JsonNode value) throws IOException {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw json.problem(key, "an entry names no file: " + value);
        }
        return root.resolve(value.asText()).normalize();
    }
}
