package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigException;
import org.voxseg.data.label.ConnectedComponents.Connectivity;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.label.PostprocessingStep;

/**
 * A bundle's {@code KeepLargestConnectedComponentd} on a label map, as MONAI 1.4 computes it: each applied label keeps
 * its own largest component ({@code independent}) or their union keeps its largest; the other voxels of those labels
 * become background. It becomes voxseg's {@link KeepLargestComponent} steps.
 *
 * @param key the transform's key in the file, e.g. {@code postprocessing.KeepLargestConnectedComponentd}
 * @param appliedLabels the labels given, or empty for every non-zero label of the model
 * @param independent each label apart, or their union
 * @param connectivity MONAI's 1 (faces) or None/3 (faces, edges and corners)
 */
record BundleLargestComponent(String key, Optional<List<Integer>> appliedLabels, boolean independent,
        Connectivity connectivity) {

    /** What {@code model.json} says the postprocessing was decided on. */
    static final String DECIDED_ON = "the bundle's KeepLargestConnectedComponentd";

    /**
     * Reads the transform at {@code key}.
     *
     * @throws ConfigException naming the key of a setting voxseg does not reproduce (18-neighbour connectivity,
     *     more than one component, one-hot input)
     */
    static BundleLargestComponent read(BundleConfig inference, JsonNode transform, String key)
            throws ConfigException {
        BundleTransforms.requireKnownKeys(inference, transform, key, List.of("applied_labels", "independent",
                "connectivity", "num_components", "is_onehot"));
        int connectivity = inference.integer(transform, "connectivity", key, 3);
        if (connectivity == 2) {
            throw inference.problem(key + ".connectivity", "2 (18 neighbours) is not supported: voxseg connects "
                    + "faces (1) or faces, edges and corners (3, MONAI's default)");
        }
        if (connectivity != 1 && connectivity != 3) {
            throw inference.problem(key + ".connectivity", "should be 1, 3 or null in 3-D, not " + connectivity);
        }
        int components = inference.integer(transform, "num_components", key, 1);
        if (components != 1) {
            throw inference.problem(key + ".num_components", "is " + components + "; voxseg keeps 1 component");
        }
        if (inference.flag(transform, "is_onehot", key, false)) {
            throw inference.problem(key + ".is_onehot", "is not supported: voxseg keeps components of label maps");
        }
        return new BundleLargestComponent(key, appliedLabels(inference, transform, key),
                inference.flag(transform, "independent", key, true),
                connectivity == 1 ? Connectivity.FACES : Connectivity.FULL);
    }

    private static Optional<List<Integer>> appliedLabels(BundleConfig inference, JsonNode transform, String key)
            throws ConfigException {
        String path = key + ".applied_labels";
        JsonNode node = inference.resolve(transform.path("applied_labels"), path);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        List<Integer> labels = new ArrayList<>();
        for (JsonNode label : node.isArray() ? inference.items(node, path) : List.of(node)) {
            int value = inference.wholeNumber(label, path);
            if (value < 1 || labels.contains(value)) {
                throw inference.problem(path, "should be distinct labels above 0, not " + node);
            }
            labels.add(value);
        }
        if (labels.isEmpty()) {
            throw inference.problem(path, "is empty");
        }
        return Optional.of(List.copyOf(labels));
    }

    /**
     * The postprocessing the bundle's transforms make on a model with {@code modelLabels}.
     *
     * @param modelLabels the model's non-zero labels, or empty when they are given at import ({@code --regions})
     * @throws ConfigException if labels are needed and not given, a label is not the model's, or two transforms
     *     connect voxels differently
     */
    static Optional<ChosenPostprocessing> postprocessing(BundleConfig inference, List<BundleLargestComponent> kept,
            Optional<int[]> modelLabels) throws ConfigException {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<PostprocessingStep> steps = new ArrayList<>();
        for (BundleLargestComponent transform : kept) {
            if (transform.connectivity() != kept.get(0).connectivity()) {
                throw inference.problem(transform.key() + ".connectivity", "differs from the first "
                        + "KeepLargestConnectedComponentd's; voxseg connects all components one way");
            }
            steps.addAll(transform.steps(inference, modelLabels));
        }
        return Optional.of(new ChosenPostprocessing(DECIDED_ON, new Postprocessing(steps,
                kept.get(0).connectivity())));
    }

    private List<PostprocessingStep> steps(BundleConfig inference, Optional<int[]> modelLabels)
            throws ConfigException {
        int[] labels;
        if (appliedLabels.isPresent()) {
            labels = appliedLabels.get().stream().mapToInt(Integer::intValue).toArray();
            for (int label : labels) {
                if (modelLabels.isPresent() && Arrays.stream(modelLabels.get()).noneMatch(l -> l == label)) {
                    throw inference.problem(key + ".applied_labels", "has " + label + ", not a label of the model "
                            + Arrays.toString(modelLabels.get()));
                }
            }
        } else {
            labels = modelLabels.orElseThrow(() -> inference.problem(key, "needs applied_labels here: the labels "
                    + "of sigmoid outputs are given at import (--regions), not by the bundle"));
        }
        if (!independent) {
            return List.of(new KeepLargestComponent("labels " + Arrays.stream(labels).mapToObj(String::valueOf)
                    .collect(Collectors.joining("+")), Arrays.stream(labels).boxed().toList()));
        }
        List<PostprocessingStep> steps = new ArrayList<>();
        for (int label : labels) {
            steps.add(new KeepLargestComponent("label " + label, List.of(label)));
        }
        return steps;
    }

    /** Says which kept label the outputs do not give (a bundle's {@code applied_labels} against --regions). */
    static Optional<String> unknownLabel(ChosenPostprocessing chosen, List<Integer> outputLabels) {
        for (PostprocessingStep step : chosen == null ? List.<PostprocessingStep>of()
                : chosen.postprocessing().steps()) {
            List<Integer> labels = step instanceof KeepLargestComponent keep ? keep.labels() : List.of();
            for (int label : labels) {
                if (!outputLabels.contains(label)) {
                    return Optional.of("'" + step.describe() + "' names label " + label + ", which the outputs do "
                            + "not give " + outputLabels);
                }
            }
        }
        return Optional.empty();
    }
}
