package org.voxseg.core.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.data.geometry.Extent;

/**
 * A bundle's {@code SpatialPadd} or {@code DivisiblePadd} as voxseg's zero padding of imported models: MONAI's
 * symmetric method pads {@code (target - n) / 2} voxels before and the rest after, as voxseg's {@code Pad} does, and
 * {@code Invertd} crops them off again, as voxseg does. Only MONAI's defaults pad that way, so another {@code method}
 * or {@code mode} is refused by name; so are both pads in one bundle (two symmetric pads in turn can split an odd
 * voxel otherwise than one).
 */
final class BundlePadding {

    private BundlePadding() {
    }

    /**
     * Sets {@code config}'s padding from the pad {@code transform} named {@code name}.
     *
     * @param padded whether the bundle has padded already
     * @throws ConfigException naming the key voxseg cannot reproduce
     */
    static void read(BundleConfig inference, JsonNode transform, String name, boolean padded,
            PreprocessingConfig.Builder config) throws ConfigException {
        String key = "preprocessing." + name;
        boolean spatial = name.startsWith("SpatialPad");
        BundleTransforms.requireKnownKeys(inference, transform, key, List.of(spatial ? "spatial_size" : "k", "method",
                "mode"));
        if (padded) {
            throw inference.problem(key, "after another pad is not supported (give the bundle one pad)");
        }
        if (!inference.text(transform, "method", key, "symmetric").equals("symmetric")
                || !inference.text(transform, "mode", key, "constant").equals("constant")) {
            throw inference.problem(key, "pads only with method symmetric and mode constant (zeros) in voxseg");
        }
        JsonNode size = inference.resolve(transform.path(spatial ? "spatial_size" : "k"), key + (spatial
                ? ".spatial_size" : ".k"));
        int[] values = new int[3];
        for (int d = 0; d < 3; d++) {
            JsonNode value = size.isArray() ? size.path(d) : size;
            if (!value.isIntegralNumber() || size.isArray() && size.size() != 3) {
                throw inference.problem(key + (spatial ? ".spatial_size" : ".k"), "should be a whole number or three");
            }
            values[d] = value.asInt() < 1 ? 1 : value.asInt();
        }
        if (spatial) {
            config.padTo(Extent.of(values));
        } else if (values[0] == values[1] && values[1] == values[2]) {
            config.padMultipleOf(values[0]);
        } else {
            throw inference.problem(key + ".k", "should be the same along every axis in voxseg");
        }
    }
}
