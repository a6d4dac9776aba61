package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.core.prediction.WindowPadding;
import org.voxseg.data.geometry.Extent;

/**
 * A MONAI bundle folder read into a {@link TorchScriptImport}: {@code configs/metadata.json} for the channels and
 * outputs ({@code network_data_format}), {@code configs/inference.json} (or {@code .yaml}) for the preprocessing
 * ({@link BundleTransforms}), the {@code SlidingWindowInferer} and the output activation, and
 * {@code models/model.ts}. MONAI's tensors are (C, i, j, k) and its inferer blends raw outputs; both are kept.
 */
public final class MonaiBundle {

    /** Inferer keys that change nothing voxseg computes (where and how fast it runs). */
    private static final List<String> HARMLESS_INFERER_KEYS = List.of("_target_", "sw_device", "device", "progress",
            "cache_roi_weight_map", "cpu_thresh", "buffer_steps", "buffer_dim", "with_coord");

    /** The inference config's names, in the order looked for. */
    private static final List<String> INFERENCE_FILES = List.of("inference.json", "inference.yaml", "inference.yml");

    private MonaiBundle() {
    }

    /**
     * The import the bundle in {@code folder} describes; the caller may still rename channels or give the outputs'
     * labels.
     *
     * @throws ConfigException naming the file and key of anything voxseg cannot reproduce
     * @throws NoSuchFileException if a file of the bundle is missing
     */
    public static TorchScriptImport.Builder read(Path folder) throws IOException {
        Path metadataFile = folder.resolve("configs").resolve("metadata.json");
        Path inferenceFile = INFERENCE_FILES.stream().map(folder.resolve("configs")::resolve)
                .filter(Files::isRegularFile).findFirst().orElse(folder.resolve("configs").resolve("inference.json"));
        Path model = folder.resolve("models").resolve("model.ts");
        for (Path file : List.of(metadataFile, inferenceFile, model)) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "a MONAI bundle has configs/metadata.json, "
                        + "configs/inference.json (or inference.yaml) and models/model.ts (export it with "
                        + "TorchScript)");
            }
        }
        BundleConfig metadata = BundleConfig.read(metadataFile);
        BundleConfig inference = BundleConfig.read(inferenceFile);
        JsonNode format = metadata.find("network_data_format").orElseThrow(() -> metadata.problem(
                "has no network_data_format"));
        JsonNode input = single(metadata, format.path("inputs"), "network_data_format.inputs");
        JsonNode output = single(metadata, format.path("outputs"), "network_data_format.outputs");
        List<String> channels = channelNames(metadata, input, "network_data_format.inputs");
        List<String> outputs = channelNames(metadata, output, "network_data_format.outputs");

        TorchScriptImport.Builder builder = TorchScriptImport.builder().model(model).channels(channels)
                .axes(TensorAxes.CIJK).source(("MONAI bundle " + metadata.find("name").map(JsonNode::asText)
                        .orElse(folder.getFileName().toString()) + " " + metadata.find("version")
                        .map(JsonNode::asText).orElse("")).strip());
        PreprocessingConfig preprocessing = BundleTransforms.preprocessing(inference);
        builder.preprocessing(preprocessing);
        Extent roi = inferer(inference, builder);
        builder.roi(roi);
        BundlePostprocessing postprocessing = BundlePostprocessing.read(inference,
                preprocessing.targetSpacing() != null, preprocessing.padTo() != null
                || preprocessing.padMultipleOf() != null, outputs.size());
        OutputLabels labels = null;
        if (postprocessing.activation() == OutputActivation.SOFTMAX) {
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (int c = 0; c < outputs.size(); c++) {
                classes.put(outputs.get(c), c);
            }
            labels = OutputLabels.classes(classes);
        } else if (postprocessing.decoding().isPresent()) {
            labels = OutputLabels.regions(decodedRegions(inference, postprocessing.decoding().get(), outputs));
        } else if (OutputLabels.areBratsRegions(outputs)) {
            labels = OutputLabels.bratsRegions(outputs);
        }
        if (labels != null) {
            builder.outputs(labels);
        }
        Optional<int[]> known = Optional.ofNullable(labels).map(l -> l.labels().stream()
                .mapToInt(Integer::intValue).filter(v -> v > 0).sorted().toArray());
        BundleLargestComponent.postprocessing(inference, postprocessing.largestComponents(), known)
                .ifPresent(builder::postprocessing);
        return builder;
    }

    /**
     * The regions a {@code Lambdad} decodes, named WT, TC and ET where the outputs' names are BraTS regions.
     *
     * @throws ConfigException if it does not decode every output once, or decodes a BraTS region otherwise
     */
    private static Map<String, Set<Integer>> decodedRegions(BundleConfig inference, LabelDecoding decoding,
            List<String> outputs) throws ConfigException {
        boolean brats = OutputLabels.areBratsRegions(outputs);
        Map<String, Set<Integer>> decoded = decoding.regions(brats ? outputs.stream().map(OutputLabels::bratsName)
                .toList() : outputs).orElseThrow(() -> inference.problem("postprocessing.Lambdad.func", "does not "
                + "give each of the " + outputs.size() + " outputs one distinct positive label"));
        for (Map.Entry<String, Set<Integer>> region : decoded.entrySet()) {
            Optional<Set<Integer>> known = brats ? OutputLabels.bratsRegion(region.getKey()) : Optional.empty();
            if (known.isPresent() && !known.get().equals(region.getValue())) {
                throw inference.problem("postprocessing.Lambdad.func", "decodes " + region.getKey() + " as labels "
                        + region.getValue() + ", not BraTS's " + new TreeSet<>(known.get()));
            }
        }
        return decoded;
    }

    /** The SlidingWindowInferer's window, with its other settings (MONAI's defaults where absent) in the builder. */
    private static Extent inferer(BundleConfig inference, TorchScriptImport.Builder builder) throws IOException {
        JsonNode inferer = inference.find("inferer").orElseThrow(() -> inference.problem("has no inferer"));
        String target = BundleTransforms.target(inference, inferer, "inferer");
        if (!target.equals("SlidingWindowInferer")) {
            throw inference.problem("inferer " + target + " is not supported (voxseg runs SlidingWindowInferer)");
        }
        List<String> known = new ArrayList<>(HARMLESS_INFERER_KEYS);
        known.addAll(List.of("roi_size", "sw_batch_size", "overlap", "mode", "sigma_scale", "padding_mode", "cval"));
        BundleTransforms.requireKnownKeys(inference, inferer, "inferer", known);
        JsonNode roiNode = inference.resolve(inferer.path("roi_size"), "inferer.roi_size");
        if (!roiNode.isArray() || roiNode.size() != 3) {
            throw inference.problem("inferer.roi_size", "should be three window sizes along (i, j, k)");
        }
        int[] roi = new int[3];
        for (int d = 0; d < 3; d++) {
            roi[d] = inference.wholeNumber(roiNode.get(d), "inferer.roi_size");
            if (roi[d] < 1) {
                throw inference.problem("inferer.roi_size", "needs positive sizes (voxseg does not take -1, the "
                        + "whole image, as a window)");
            }
        }
        String mode = inference.text(inferer, "mode", "inferer", "constant");
        String padding = inference.text(inferer, "padding_mode", "inferer", "constant");
        WindowPadding paddingMode = switch (padding) {
            case "constant" -> WindowPadding.CONSTANT;
            case "replicate" -> WindowPadding.REPLICATE;
            default -> throw inference.problem("inferer.padding_mode", "'" + padding + "' is not supported "
                    + "(constant or replicate)");
        };
        double cval = inference.number(inferer, "cval", "inferer", 0);
        if (Double.compare(cval, 0) != 0) {
            throw inference.problem("inferer.cval", "is " + cval + "; voxseg pads with 0");
        }
        BlendMode blend = switch (mode) {
            case "gaussian" -> BlendMode.GAUSSIAN;
            case "constant" -> BlendMode.CONSTANT;
            default -> throw inference.problem("inferer.mode", "'" + mode + "' is not supported (gaussian or "
                    + "constant)");
        };
        double overlap = inference.number(inferer, "overlap", "inferer", 0.25);
        if (!(overlap >= 0 && overlap < 1)) {
            throw inference.problem("inferer.overlap", "should be at least 0 and below 1, not " + overlap);
        }
        JsonNode batch = inference.resolve(inferer.path("sw_batch_size"), "inferer.sw_batch_size");
        Optional<String> batchProblem = batch.isMissingNode() ? Optional.empty() : batch.isIntegralNumber()
                ? ImportLimits.windowBatch(batch.asLong()) : Optional.of("should be a whole number");
        if (batchProblem.isPresent()) {
            throw inference.problem("inferer.sw_batch_size", batchProblem.get());
        }
        double sigma = inference.number(inferer, "sigma_scale", "inferer", 0.125);
        if (!(sigma > 0)) {
            throw inference.problem("inferer.sigma_scale", "should be positive, not " + sigma);
        }
        Optional<String> window = ImportLimits.window(Extent.of(roi));
        if (window.isPresent()) {
            throw inference.problem("inferer.roi_size", window.get());
        }
        builder.prediction(PredictionConfig.builder().blend(BlendedValues.OUTPUTS).mode(blend).overlap(overlap)
                .swBatchSize(batch.isMissingNode() ? 1 : batch.asInt()).sigmaScale(sigma).paddingMode(paddingMode));
        return Extent.of(roi);
    }

    /** The one input or output of network_data_format. */
    private static JsonNode single(BundleConfig metadata, JsonNode entries, String key) throws ConfigException {
        if (!entries.isObject() || entries.size() != 1) {
            throw metadata.problem(key, "should hold exactly one entry (voxseg runs single-input, single-output "
                    + "models)");
        }
        return entries.elements().next();
    }

    /** The channel names of an input or output, in channel order ({@code channel_def}, else numbered). */
    private static List<String> channelNames(BundleConfig metadata, JsonNode entry, String key)
            throws ConfigException {
        JsonNode declared = entry.path("num_channels");
        Optional<String> bounds = declared.isIntegralNumber() ? ImportLimits.channelCount(declared.asLong())
                : Optional.of("should be a whole number");
        if (bounds.isPresent()) {
            throw metadata.problem(key + ".num_channels", bounds.get());
        }
        int count = declared.asInt();
        JsonNode definitions = entry.path("channel_def");
        List<String> names = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            JsonNode name = definitions.path(String.valueOf(c));
            names.add(name.isTextual() ? name.asText().strip().toLowerCase(Locale.ROOT).replace(' ', '_')
                    : "channel" + c);
        }
        Optional<String> problem = ImportLimits.channelNames(names);
        if (problem.isPresent()) {
            throw metadata.problem(key + ".channel_def", problem.get());
        }
        return names;
    }
}
