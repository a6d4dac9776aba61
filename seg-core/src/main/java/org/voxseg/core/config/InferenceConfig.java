package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxseg.core.inference.SlidingWindowInferer;
import org.voxseg.data.grid.Extent;
import org.voxseg.data.label.Postprocessing;

/**
 * The config's {@code inference} section, stored in {@code model.json} as the defaults of {@code voxseg predict}:
 * sliding-window settings with MONAI's names, mirror test-time augmentation and postprocessing.
 *
 * @param roi window size along (x, y, z), or null for the training patch
 * @param overlap fraction of overlap between windows
 * @param swBatchSize windows per forward pass
 * @param mode "gaussian" or "constant" blending
 * @param sigmaScale the Gaussian's sigma as a fraction of the window
 * @param tta average the 8 mirrored predictions
 * @param minComponentSize remove components of any label smaller than this many voxels (0: keep all)
 * @param keepLargestComponent keep only the largest connected component of the foreground
 * @param enhancingThreshold BraTS rule: if fewer voxels than this are label 4, they become 1 (0: off)
 */
public record InferenceConfig(Extent roi, double overlap, int swBatchSize, String mode, double sigmaScale,
        boolean tta, int minComponentSize, boolean keepLargestComponent, int enhancingThreshold) {

    /** Reads the section; absent fields: training patch, overlap 0.5, Gaussian, no TTA, no postprocessing. */
    @JsonCreator
    public static InferenceConfig of(@JsonProperty("roi") Extent roi, @JsonProperty("overlap") Double overlap,
            @JsonProperty("sw_batch_size") Integer swBatchSize, @JsonProperty("mode") String mode,
            @JsonProperty("sigma_scale") Double sigmaScale, @JsonProperty("tta") Boolean tta,
            @JsonProperty("min_component_size") Integer minComponentSize,
            @JsonProperty("keep_largest_component") Boolean keepLargestComponent,
            @JsonProperty("enhancing_threshold") Integer enhancingThreshold) {
        return new InferenceConfig(roi, overlap == null ? 0.5 : overlap, swBatchSize == null ? 1 : swBatchSize,
                mode == null ? "gaussian" : mode, sigmaScale == null ? 0.125 : sigmaScale, tta != null && tta,
                minComponentSize == null ? 0 : minComponentSize,
                keepLargestComponent != null && keepLargestComponent,
                enhancingThreshold == null ? 0 : enhancingThreshold);
    }

    public InferenceConfig {
        if (roi != null && !roi.isPositive()) {
            throw new IllegalArgumentException("roi needs three positive sizes along (x, y, z)");
        }
        if (!List.of("gaussian", "constant").contains(mode)) {
            throw new IllegalArgumentException("mode must be \"gaussian\" or \"constant\", not \"" + mode + "\"");
        }
    }

    /** This section with the window set to {@code patch} where none is given. */
    public InferenceConfig withDefaultRoi(Extent patch) {
        return roi != null ? this : new InferenceConfig(patch, overlap, swBatchSize, mode, sigmaScale, tta,
                minComponentSize, keepLargestComponent, enhancingThreshold);
    }

    /** This section with other window, overlap, batch and TTA settings (from the command line). */
    public InferenceConfig with(Extent window, double windowOverlap, int batchSize, boolean mirror) {
        return new InferenceConfig(window, windowOverlap, batchSize, mode, sigmaScale, mirror, minComponentSize,
                keepLargestComponent, enhancingThreshold);
    }

    /** The sliding window this section describes. */
    public SlidingWindowInferer inferer() {
        if (roi == null) {
            throw new IllegalStateException("no window size: use withDefaultRoi first");
        }
        return new SlidingWindowInferer(roi, overlap, swBatchSize, mode.equals("gaussian"), sigmaScale);
    }

    /** The clean-up of label maps this section describes, for a dataset with these labels. */
    public Postprocessing postprocessing(int[] labels) {
        Postprocessing.Builder builder = Postprocessing.builder().keepLargestForeground(keepLargestComponent);
        if (minComponentSize > 0) {
            Map<Integer, Integer> sizes = new HashMap<>();
            for (int label : labels) {
                sizes.put(label, minComponentSize);
            }
            builder.removeComponentsSmallerThan(sizes);
        }
        if (enhancingThreshold > 0) {
            builder.replaceSmallLabel(4, enhancingThreshold, 1);
        }
        return builder.build();
    }
}
