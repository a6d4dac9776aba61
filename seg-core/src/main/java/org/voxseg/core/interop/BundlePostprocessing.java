package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.network.OutputActivation;

/**
 * What a bundle's {@code postprocessing} makes of the network's outputs, in the two ways voxseg decodes them: a
 * sigmoid thresholded at 0.5 ({@code Activationsd}, {@code AsDiscreted} threshold), optionally followed by the
 * BraTS bundle's label-decoding {@code Lambdad} ({@link LabelDecoding}); or an arg-max over classes, after a softmax
 * or after no activation at all (the same arg-max; voxseg then writes softmax probabilities). A
 * {@code KeepLargestConnectedComponentd} on the label map that makes is kept ({@link BundleLargestComponent}).
 *
 * @param activation sigmoid or softmax
 * @param decoding the labels a {@code Lambdad} gives the sigmoid outputs, if there is one
 * @param largestComponents the {@code KeepLargestConnectedComponentd}s, in order
 */
record BundlePostprocessing(OutputActivation activation, Optional<LabelDecoding> decoding,
        List<BundleLargestComponent> largestComponents) {

    BundlePostprocessing {
        largestComponents = List.copyOf(largestComponents);
    }

    /**
     * The bundle's postprocessing.
     *
     * @param resamples whether the preprocessing resamples ({@code Spacingd}), so that where {@code Invertd} stands
     *     matters: MONAI brings back what it finds, voxseg always the probabilities
     * @param pads whether the preprocessing pads ({@code SpatialPadd}, {@code DivisiblePadd}), so that components kept
     *     before {@code Invertd} would be counted on the padded grid, which voxseg never labels
     * @param outputs the model's output channels: one thresholded sigmoid output is a label map of 0 and 1, more
     *     are channels until a {@code Lambdad} decodes them
     * @throws ConfigException if there is no activation or arg-max, another decoding, an unrecognised
     *     {@code Lambdad}, an {@code Invertd} of labels after resampling, or components kept before there are labels
     */
    static BundlePostprocessing read(BundleConfig inference, boolean resamples, boolean pads, int outputs)
            throws ConfigException {
        OutputActivation activation = OutputActivation.NONE;
        LabelDecoding decoding = null;
        boolean discrete = false;
        boolean inverted = false;
        List<BundleLargestComponent> largest = new ArrayList<>();
        for (JsonNode transform : BundleTransforms.transforms(inference, "postprocessing")) {
            String name = BundleTransforms.target(inference, transform, "postprocessing");
            String key = "postprocessing." + name;
            switch (name) {
                case "Activationsd", "Activations" -> {
                    BundleTransforms.requireKnownKeys(inference, transform, key, List.of("sigmoid", "softmax",
                            "other"));
                    boolean sigmoid = inference.flag(transform, "sigmoid", key, false);
                    boolean softmax = inference.flag(transform, "softmax", key, false);
                    if (sigmoid == softmax || !transform.path("other").isMissingNode()) {
                        throw inference.problem(key, "needs sigmoid or softmax (and no 'other')");
                    }
                    activation = sigmoid ? OutputActivation.SIGMOID : OutputActivation.SOFTMAX;
                }
                case "AsDiscreted", "AsDiscrete" -> {
                    activation = discrete(inference, transform, key, activation);
                    discrete = true;
                }
                case "Invertd" -> {
                    inverted = true;
                    if (discrete && resamples) {
                        throw inference.problem(key, "after AsDiscreted is not supported: MONAI would resample the "
                                + "labels back, voxseg resamples the probabilities and decodes them after");
                    }
                }
                case "Lambdad", "Lambda" -> {
                    BundleTransforms.requireKnownKeys(inference, transform, key, List.of("func"));
                    String func = transform.path("func").asText("");
                    decoding = LabelDecoding.parse(func).orElseThrow(() -> inference.problem(key + ".func", "'"
                            + func + "' is not a label decoding voxseg recognises (a chain lambda x: torch.where("
                            + "x[[c]] > 0, label, ...) ending in 0, as the BraTS bundle's)"));
                    if (activation != OutputActivation.SIGMOID || !largest.isEmpty()) {
                        throw inference.problem(key, "decodes labels only after a sigmoid thresholded at 0.5 (and "
                                + "before any KeepLargestConnectedComponentd)");
                    }
                }
                case "KeepLargestConnectedComponentd", "KeepLargestConnectedComponent" -> {
                    if (!discrete || activation == OutputActivation.SIGMOID && decoding == null && outputs > 1) {
                        throw inference.problem(key, "before the outputs are a label map is not supported (voxseg "
                                + "keeps components of labels: after AsDiscreted, or the label-decoding Lambdad)");
                    }
                    if (pads && !inverted) {
                        throw inference.problem(key, "before Invertd in a bundle that pads is not supported: MONAI "
                                + "would count components on the padded grid, voxseg counts them on the case's");
                    }
                    largest.add(BundleLargestComponent.read(inference, transform, key));
                }
                default -> BundleTransforms.requireNeutral(inference, name);
            }
        }
        if (activation == OutputActivation.NONE) {
            throw inference.problem("postprocessing has no Activationsd (sigmoid or softmax) and no arg-max; voxseg "
                    + "needs to know how outputs become probabilities");
        }
        return new BundlePostprocessing(activation, Optional.ofNullable(decoding), largest);
    }

    /** The activation after an {@code AsDiscreted}: a threshold of 0.5 after a sigmoid, or an arg-max. */
    private static OutputActivation discrete(BundleConfig inference, JsonNode transform, String key,
            OutputActivation before) throws ConfigException {
        BundleTransforms.requireKnownKeys(inference, transform, key, List.of("argmax", "threshold"));
        boolean argmax = inference.flag(transform, "argmax", key, false);
        double threshold = inference.number(transform, "threshold", key, Double.NaN);
        if (argmax && before != OutputActivation.SIGMOID && Double.isNaN(threshold)) {
            return OutputActivation.SOFTMAX;
        }
        if (!argmax && before == OutputActivation.SIGMOID && Double.compare(threshold, 0.5) == 0) {
            return before;
        }
        throw inference.problem(key, "is not supported after " + before.toString().toLowerCase(Locale.ROOT)
                + " (voxseg decodes sigmoid outputs at 0.5, classes by arg-max)");
    }
}
