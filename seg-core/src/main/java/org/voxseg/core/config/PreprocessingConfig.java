package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.voxseg.data.grid.Extent;
import org.voxseg.data.grid.Spacing;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.PreprocessingSettings;

/**
 * The config's {@code dataset.preprocessing} section, also stored in {@code model.json} so that prediction
 * preprocesses exactly as training did, e.g. {@code {"crop_foreground": true, "target_spacing": [1, 1, 1],
 * "normalization": "zscore_nonzero"}}.
 *
 * @param cropForeground crop to the box of voxels above the threshold in any channel
 * @param cropThreshold the value (or, with {@code crop_percentile}, the percentile) voxels must exceed
 * @param cropPercentile whether the threshold is a percentile of the image (3DUnetCNN uses 10)
 * @param cropMargin voxels kept around the box
 * @param targetSpacing resample to this spacing in mm along (x, y, z), or null
 * @param targetShape resample to this shape along (x, y, z), or null
 * @param normalization "zscore_nonzero" (MONAI nonzero=True), "zscore" or "none"
 * @param channelWise normalisation statistics per channel
 * @param clipPercentiles clip masked values to these two percentiles before the z-score, or null
 */
public record PreprocessingConfig(boolean cropForeground, double cropThreshold, boolean cropPercentile,
        int cropMargin, Spacing targetSpacing, Extent targetShape, String normalization, boolean channelWise,
        List<Double> clipPercentiles) {

    /** The normalisations {@link #settings} knows. */
    public static final List<String> NORMALIZATIONS = List.of("zscore_nonzero", "zscore", "none");

    /** Reads the section; absent fields: crop above 0 with no margin, no resampling, channel-wise non-zero z-score. */
    @JsonCreator
    public static PreprocessingConfig of(@JsonProperty("crop_foreground") Boolean cropForeground,
            @JsonProperty("crop_threshold") Double cropThreshold,
            @JsonProperty("crop_percentile") Boolean cropPercentile, @JsonProperty("crop_margin") Integer cropMargin,
            @JsonProperty("target_spacing") Spacing targetSpacing, @JsonProperty("target_shape") Extent targetShape,
            @JsonProperty("normalization") String normalization, @JsonProperty("channel_wise") Boolean channelWise,
            @JsonProperty("clip_percentiles") List<Double> clipPercentiles) {
        return new PreprocessingConfig(cropForeground == null || cropForeground,
                cropThreshold == null ? 0 : cropThreshold, cropPercentile != null && cropPercentile,
                cropMargin == null ? 0 : cropMargin, targetSpacing, targetShape,
                normalization == null ? "zscore_nonzero" : normalization, channelWise == null || channelWise,
                clipPercentiles);
    }

    public PreprocessingConfig {
        if (targetShape != null && !targetShape.isPositive()) {
            throw new IllegalArgumentException("target_shape needs three positive values along (x, y, z)");
        }
        if (targetSpacing != null && targetShape != null) {
            throw new IllegalArgumentException("give target_spacing or target_shape, not both");
        }
        if (!NORMALIZATIONS.contains(normalization)) {
            throw new IllegalArgumentException("unknown normalization '" + normalization + "'; known: "
                    + NORMALIZATIONS);
        }
        if (clipPercentiles != null && clipPercentiles.size() != 2) {
            throw new IllegalArgumentException("clip_percentiles needs two values, low and high");
        }
        clipPercentiles = clipPercentiles == null ? null : List.copyOf(clipPercentiles);
        if (cropMargin < 0) {
            throw new IllegalArgumentException("crop_margin must not be negative: " + cropMargin);
        }
    }

    /**
     * The preprocessing this section describes, padding results to at least {@code minShape} (the patch) and to
     * multiples of {@code divisor} (the network's total stride).
     */
    public PreprocessingSettings settings(Extent minShape, int divisor) {
        PreprocessingSettings.Builder builder = PreprocessingSettings.builder().padding(minShape, divisor);
        if (cropForeground) {
            builder.foregroundCrop(cropPercentile ? ForegroundCrop.abovePercentile(cropThreshold, cropMargin)
                    : ForegroundCrop.above(cropThreshold, cropMargin));
        }
        if (targetSpacing != null) {
            builder.targetSpacing(targetSpacing);
        }
        if (targetShape != null) {
            builder.targetShape(targetShape);
        }
        if (!normalization.equals("none")) {
            IntensityNormalization zScore = IntensityNormalization.zScore(normalization.equals("zscore_nonzero"),
                    channelWise);
            builder.normalization(clipPercentiles == null ? zScore
                    : zScore.withClipping(clipPercentiles.get(0), clipPercentiles.get(1)));
        }
        return builder.build();
    }
}
