package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.data.transform.Normalization;
import org.voxseg.data.transform.IntensityScaling;
import org.voxseg.data.transform.Reorient;

/**
 * The preprocessing transforms of a MONAI bundle's {@code inference.json} that voxseg reproduces, mapped onto its
 * own preprocessing: {@code NormalizeIntensityd}, {@code ScaleIntensityRanged}, {@code Spacingd},
 * {@code ScaleIntensityd} right before a {@code NormalizeIntensityd} over all voxels (where MONAI's min-max scaling,
 * an increasing linear map, leaves the z-score as it was),
 * {@code CropForegroundd}, {@code Orientationd} (reorienting cases, and back), {@code SpatialPadd} and
 * {@code DivisiblePadd} ({@link BundlePadding}), and the loading and typing transforms
 * that change no value ({@link BundlePostprocessing} reads the postprocessing).
 * Every other transform, and every key of a known one that would change the numbers, is refused by name: an import
 * that silently skipped a step would give other answers than the bundle.
 */
final class BundleTransforms {

    /** Keys every transform may have that change no value voxseg computes. */
    private static final Set<String> COMMON_KEYS = Set.of("_target_", "keys", "allow_missing_keys", "meta_keys",
            "meta_key_postfix", "_disabled_", "_desc_", "_requires_", "dtype", "image_only", "lazy");

    /** Transforms that load, stack or type the image, or write the result: nothing voxseg has to redo. */
    private static final Set<String> NEUTRAL = Set.of("LoadImaged", "LoadImage", "EnsureChannelFirstd",
            "EnsureChannelFirst", "AddChanneld", "EnsureTyped", "EnsureType", "ToTensord", "ToTensor", "ToDeviced",
            "ConcatItemsd", "CopyItemsd", "DeleteItemsd", "Identityd", "CastToTyped", "SaveImaged", "SaveImage",
            "Invertd", "FromMetaTensord", "ToNumpyd");

    /**
     * The transforms voxseg applies in this order whatever the bundle's; one listed after a later one is refused,
     * except Orientationd, which moves no value and only has to come before Spacingd (MONAI's grid starts at the
     * first voxel).
     */
    private static final List<String> VOXSEG_ORDER = List.of("Orientationd", "CropForegroundd", "Spacingd",
            "ScaleIntensityRanged", "NormalizeIntensityd", "SpatialPadd", "DivisiblePadd");

    private BundleTransforms() {
    }

    /**
     * The bundle's {@code preprocessing} as voxseg's preprocessing (no foreground crop unless the bundle crops).
     *
     * @throws ConfigException naming the transform or key voxseg cannot reproduce
     */
    static PreprocessingConfig preprocessing(BundleConfig inference) throws ConfigException {
        PreprocessingConfig.Builder config = PreprocessingConfig.builder().cropForeground(false)
                .normalization(Normalization.Kind.NONE);
        String latest = null;
        int reached = -1;
        boolean padded = false;
        String scaledBy = null;
        boolean scaledPerChannel = false;
        for (JsonNode transform : transforms(inference, "preprocessing")) {
            String name = target(inference, transform, "preprocessing");
            String key = "preprocessing." + name;
            if (scaledBy != null && !name.startsWith("NormalizeIntensity") && !NEUTRAL.contains(name)) {
                throw inference.problem(scaledBy, "is supported only right before NormalizeIntensityd, where it "
                        + "changes nothing; here " + name + " follows it");
            }
            int rank = Math.min(VOXSEG_ORDER.indexOf(name.endsWith("d") ? name : name + "d"),
                    VOXSEG_ORDER.indexOf("SpatialPadd"));
            if (rank >= 0 && rank < reached && (rank > 0 || reached >= VOXSEG_ORDER.indexOf("Spacingd"))) {
                throw inference.problem(key, "after " + latest + " is not supported: voxseg applies them in the "
                        + "order " + String.join(", ", VOXSEG_ORDER) + ", and MONAI computes each on the values "
                        + "the one before leaves");
            }
            if (rank > reached) {
                reached = rank;
                latest = name;
            }
            switch (name) {
                case "NormalizeIntensityd", "NormalizeIntensity" -> {
                    requireKnownKeys(inference, transform, key, List.of("nonzero", "channel_wise", "subtrahend",
                            "divisor"));
                    if (scaledBy != null && inference.flag(transform, "nonzero", key, false)) {
                        throw inference.problem(scaledBy, "before a NormalizeIntensityd with nonzero is not "
                                + "supported: the scaling moves which voxels are 0");
                    }
                    if (scaledBy != null && scaledPerChannel && !inference.flag(transform, "channel_wise", key,
                            false)) {
                        throw inference.problem(scaledBy, "with channel_wise before a NormalizeIntensityd over all "
                                + "channels is not supported: it scales each channel by its own range");
                    }
                    scaledBy = null;
                    if (!transform.path("subtrahend").isNull() && !transform.path("subtrahend").isMissingNode()
                            || !transform.path("divisor").isNull() && !transform.path("divisor").isMissingNode()) {
                        throw inference.problem(key, "with a fixed subtrahend or divisor is not supported");
                    }
                    config.normalization(inference.flag(transform, "nonzero", key, false)
                            ? Normalization.Kind.ZSCORE_NONZERO : Normalization.Kind.ZSCORE)
                            .channelWise(inference.flag(transform, "channel_wise", key, false));
                }
                case "ScaleIntensityRanged", "ScaleIntensityRange" -> {
                    requireKnownKeys(inference, transform, key, List.of("a_min", "a_max", "b_min", "b_max", "clip"));
                    double low = required(inference, transform, "a_min", key);
                    double high = required(inference, transform, "a_max", key);
                    if (low == high) {
                        throw inference.problem(key + ".a_max", "equals a_min (" + low + "): the range it scales "
                                + "would be empty");
                    }
                    config.scaleIntensityRange(new IntensityScaling(low, high, inference.number(transform, "b_min",
                            key, 0),
                            inference.number(transform, "b_max", key, 1), inference.flag(transform, "clip", key,
                            false)));
                }
                case "ScaleIntensityd", "ScaleIntensity" -> {
                    requireKnownKeys(inference, transform, key, List.of("minv", "maxv", "channel_wise"));
                    if (!(inference.number(transform, "minv", key, 0) < inference.number(transform, "maxv", key, 1))) {
                        throw inference.problem(key + ".maxv", "should be above minv");
                    }
                    scaledBy = key;
                    scaledPerChannel = inference.flag(transform, "channel_wise", key, false);
                }
                case "Spacingd", "Spacing" -> BundleSpacing.read(inference, transform, key, config);
                case "SpatialPadd", "SpatialPad", "DivisiblePadd", "DivisiblePad" -> {
                    BundlePadding.read(inference, transform, name, padded, config);
                    padded = true;
                }
                case "CropForegroundd", "CropForeground" -> {
                    requireKnownKeys(inference, transform, key, List.of("source_key", "margin", "k_divisible",
                            "allow_smaller", "start_coord_key", "end_coord_key"));
                    if (inference.integer(transform, "k_divisible", key, 1) != 1) {
                        throw inference.problem(key + ".k_divisible", "other than 1 is not supported");
                    }
                    int margin = inference.integer(transform, "margin", key, 0);
                    if (margin < 0) {
                        throw inference.problem(key + ".margin", "should not be negative, not " + margin);
                    }
                    config.cropForeground(true).cropThreshold(0).cropMargin(margin);
                }
                case "Orientationd", "Orientation" -> {
                    requireKnownKeys(inference, transform, key, List.of("axcodes", "as_closest_canonical"));
                    String codes = inference.flag(transform, "as_closest_canonical", key, false) ? "RAS"
                            : inference.text(transform, "axcodes", key, "").toUpperCase(Locale.ROOT);
                    if (!Reorient.isValid(codes)) {
                        throw inference.problem(key + ".axcodes", "should be three axis codes such as RAS");
                    }
                    config.orientation(codes);
                }
                default -> requireNeutral(inference, name);
            }
        }
        if (scaledBy != null) {
            throw inference.problem(scaledBy, "is supported only right before NormalizeIntensityd, where it changes "
                    + "nothing");
        }
        return config.build();
    }

    /** The transforms of a Compose (or a list) at the top-level {@code key}; none if the key is absent. */
    static List<JsonNode> transforms(BundleConfig inference, String key) throws ConfigException {
        Optional<JsonNode> section = inference.find(key);
        if (section.isEmpty()) {
            return List.of();
        }
        JsonNode node = section.get();
        if (node.isObject()) {
            String target = target(inference, node, key);
            if (!target.equals("Compose")) {
                throw inference.problem(key, "should be a Compose of transforms, not " + target);
            }
            return inference.items(node.path("transforms"), key + ".transforms");
        }
        return inference.items(node, key);
    }

    /** A transform's or inferer's class name without its package, e.g. {@code Spacingd}. */
    static String target(BundleConfig config, JsonNode node, String key) throws ConfigException {
        JsonNode target = node.path("_target_");
        if (!target.isTextual()) {
            throw config.problem(key, "has an entry without _target_");
        }
        String name = target.asText();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw config.problem(key + "._target_", "'" + name + "' is not a class name (voxseg reads transforms, "
                    + "not expressions or references)");
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Refuses any key of {@code node} besides the common ones and {@code known}. */
    static void requireKnownKeys(BundleConfig config, JsonNode node, String key, List<String> known)
            throws ConfigException {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON_KEYS.contains(name) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw config.problem(key, "has " + String.join(", ", unknown) + ", which voxseg does not reproduce");
        }
    }

    static void requireNeutral(BundleConfig inference, String name) throws ConfigException {
        if (!NEUTRAL.contains(name)) {
            throw inference.problem("transform " + name + " is not supported");
        }
    }

    private static double required(BundleConfig config, JsonNode node, String name, String key)
            throws ConfigException {
        double value = config.number(node, name, key, Double.NaN);
        if (Double.isNaN(value)) {
            throw config.problem(key + "." + name, "is required");
        }
        return value;
    }

    static double[] numbers(BundleConfig config, JsonNode node, String key) throws ConfigException {
        JsonNode value = config.resolve(node, key);
        if (!value.isArray() || value.size() != 3) {
            throw config.problem(key, "should be three numbers");
        }
        double[] numbers = new double[3];
        for (int d = 0; d < 3; d++) {
            if (!value.get(d).isNumber()) {
                throw config.problem(key, "should be three numbers");
            }
            numbers[d] = value.get(d).asDouble();
        }
        return numbers;
    }
}
