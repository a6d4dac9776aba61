package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.SpacingGrid;

/**
 * A bundle's {@code Spacingd} with the {@code Invertd} that undoes it, as voxseg's resampling on MONAI's grid
 * ({@link SpacingGrid}): {@code pixdim}, {@code mode} (bilinear or nearest), {@code scale_extent},
 * {@code align_corners}, and {@code Invertd}'s {@code nearest_interp}. Keys that would move voxels otherwise
 * ({@code diagonal}, another {@code padding_mode}, {@code min_pixdim}, ...) are refused by name.
 */
final class BundleSpacing {

    private BundleSpacing() {
    }

    /**
     * Sets {@code config}'s target spacing and MONAI grid from the {@code Spacingd} {@code transform}.
     *
     * @throws ConfigException naming the key voxseg cannot reproduce, or the missing {@code Invertd}
     */
    static void read(BundleConfig inference, JsonNode transform, String key, PreprocessingConfig.Builder config)
            throws ConfigException {
        BundleTransforms.requireKnownKeys(inference, transform, key, List.of("pixdim", "mode", "scale_extent",
                "align_corners", "padding_mode", "diagonal", "recompute_affine"));
        Interpolation mode = switch (first(inference, transform.path("mode"), key + ".mode", "bilinear")) {
            case "bilinear" -> Interpolation.LINEAR;
            case "nearest" -> Interpolation.NEAREST;
            default -> throw inference.problem(key + ".mode", "'" + first(inference, transform.path("mode"),
                    key + ".mode", "") + "' is not supported (bilinear or nearest)");
        };
        String padding = first(inference, transform.path("padding_mode"), key + ".padding_mode", "border");
        if (!padding.equals("border")) {
            throw inference.problem(key + ".padding_mode", "'" + padding + "' is not supported (voxseg samples past "
                    + "the edge as MONAI's default, border)");
        }
        if (inference.flag(transform, "diagonal", key, false) || inference.flag(transform, "recompute_affine", key,
                false)) {
            throw inference.problem(key, "with diagonal or recompute_affine true is not supported");
        }
        double[] pixdim = BundleTransforms.numbers(inference, transform.path("pixdim"), key + ".pixdim");
        Optional<String> spacing = ImportLimits.spacing(pixdim);
        if (spacing.isPresent()) {
            throw inference.problem(key + ".pixdim", spacing.get());
        }
        config.targetSpacing(Spacing.of(pixdim)).spacingGrid(new SpacingGrid(inference.flag(transform,
                "scale_extent", key, false), mode, inference.flag(transform, "align_corners", key, false),
                nearestInverse(inference)));
    }

    /** The first of a per-key list (the image's), or the value itself. */
    private static String first(BundleConfig inference, JsonNode value, String key, String fallback)
            throws ConfigException {
        JsonNode resolved = inference.resolve(value, key);
        JsonNode first = resolved.isArray() ? inference.resolve(resolved.path(0), key + "[0]") : resolved;
        return first.isMissingNode() || first.isNull() ? fallback : first.asText();
    }

    /**
     * {@code Invertd}'s {@code nearest_interp} (true unless the bundle says false).
     *
     * @throws ConfigException if the postprocessing has no {@code Invertd}: MONAI would then write the prediction on
     *     the resampled grid, which voxseg does not
     */
    private static boolean nearestInverse(BundleConfig inference) throws ConfigException {
        for (JsonNode transform : BundleTransforms.transforms(inference, "postprocessing")) {
            String name = BundleTransforms.target(inference, transform, "postprocessing");
            if (name.equals("Invertd")) {
                return inference.flag(transform, "nearest_interp", "postprocessing.Invertd", true);
            }
        }
        throw inference.problem("postprocessing", "has no Invertd after a Spacingd: MONAI would write predictions on "
                + "the resampled grid, voxseg writes them on the case's");
    }
}
