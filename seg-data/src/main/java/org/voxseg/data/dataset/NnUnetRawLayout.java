package org.voxseg.data.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * nnU-Net v2's raw layout ({@code DatasetNNN_Name/}): {@code dataset.json} with {@code channel_names},
 * {@code labels} (name to value, or to a list of values for a region), {@code regions_class_order} with regions and
 * {@code file_ending}; {@code imagesTr/<case>_0000<ending>} per channel, {@code labelsTr/<case><ending>}, and
 * {@code imagesTs/} for cases without labels. Only NIfTI file endings are read.
 *
 * <p>Regions train as voxseg's nested regions, which need each region inside the one before it with one label
 * fewer (BraTS: whole tumour {1, 2, 3}, tumour core {2, 3}, enhancing {3}, class order 1, 2, 3); other region sets
 * are refused in one line.
 */
final class NnUnetRawLayout {

    private static final Set<String> NIFTI_ENDINGS = Set.of(".nii.gz", ".nii");

    private NnUnetRawLayout() {
    }

    /** Whether {@code json} is nnU-Net v2's: it names channels. */
    static boolean matches(DatasetJson json) {
        return json.has("channel_names");
    }

    static DatasetDescription describe(Path root, DatasetJson json) throws IOException {
        List<String> channels = json.indexedNames("channel_names");
        String ending = json.text("file_ending", ".nii.gz");
        if (!NIFTI_ENDINGS.contains(ending)) {
            throw json.problem("file_ending", "'" + ending + "' is not read; voxseg reads .nii.gz and .nii");
        }
        LabelScheme labels = labels(json);
        List<CaseFiles> cases = new ArrayList<>(SuffixLayout.discover(root.resolve("imagesTr"),
                Optional.of(root.resolve("labelsTr")).filter(Files::isDirectory), channels.size()));
        Path test = root.resolve("imagesTs");
        if (Files.isDirectory(test)) {
            cases.addAll(SuffixLayout.discover(test, Optional.empty(), channels.size()));
        }
        return new DatasetDescription(DatasetLayout.NNUNET_RAW, root, channels, Optional.of(labels), cases);
    }

    private static LabelScheme labels(DatasetJson json) throws IOException {
        JsonNode node = json.required("labels");
        if (!node.isObject()) {
            throw json.problem("labels", "must be an object {\"background\": 0, name: value or [values], ...}");
        }
        LinkedHashMap<String, TreeSet<Integer>> sets = new LinkedHashMap<>();
        boolean regions = json.has("regions_class_order");
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            TreeSet<Integer> values = new TreeSet<>();
            for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
                if (!value.canConvertToExactIntegral() || value.asInt() < 0) {
                    throw json.problem("labels", "'" + entry.getKey() + "' holds " + value
                            + ", not a label value (a whole number from 0)");
                }
                values.add(value.asInt());
            }
            regions |= entry.getValue().isArray();
            if (!values.equals(Set.of(0))) {
                sets.put(entry.getKey(), values);
            }
        }
        if (sets.isEmpty()) {
            throw json.problem("labels", "names no label besides the background 0");
        }
        return regions ? nestedRegions(json, sets) : classes(json, sets);
    }

    private static LabelScheme classes(DatasetJson json, Map<String, TreeSet<Integer>> sets) throws IOException {
        TreeMap<Integer, String> byValue = new TreeMap<>();
        for (Map.Entry<String, TreeSet<Integer>> entry : sets.entrySet()) {
            if (byValue.put(entry.getValue().first(), entry.getKey()) != null) {
                throw json.problem("labels", "value " + entry.getValue().first() + " is named twice");
            }
        }
        return LabelScheme.classes(List.copyOf(byValue.keySet()), List.copyOf(byValue.values()));
    }

    /** The regions as a chain, outermost first, each one label smaller than the one before it. */
    private static LabelScheme nestedRegions(DatasetJson json, Map<String, TreeSet<Integer>> sets)
            throws IOException {
        List<Map.Entry<String, TreeSet<Integer>>> chain = new ArrayList<>(sets.entrySet());
        chain.sort((a, b) -> b.getValue().size() - a.getValue().size());
        List<Integer> labels = new ArrayList<>();
        for (int r = 0; r < chain.size(); r++) {
            TreeSet<Integer> outer = new TreeSet<>(chain.get(r).getValue());
            TreeSet<Integer> inner = r + 1 < chain.size() ? chain.get(r + 1).getValue() : new TreeSet<>();
            boolean nested = outer.containsAll(inner);
            outer.removeAll(inner);
            if (!nested || outer.size() != 1) {
                throw json.problem("labels", "the regions " + sets + " do not nest one label apart ('"
                        + chain.get(r).getKey() + "'" + (r + 1 < chain.size() ? " and '" + chain.get(r + 1).getKey()
                        + "'" : "") + "); voxseg trains regions each inside the one before with one label fewer,"
                        + " or one-hot labels");
            }
            labels.add(outer.first());
        }
        List<Integer> order = new ArrayList<>();
        for (JsonNode value : json.required("regions_class_order")) {
            order.add(value.asInt());
        }
        if (!order.equals(labels)) {
            throw json.problem("regions_class_order", order + " does not paint the nested regions' own labels "
                    + labels + " (outermost first)");
        }
        return LabelScheme.regions(labels, chain.stream().map(Map.Entry::getKey).toList());
    }
}
