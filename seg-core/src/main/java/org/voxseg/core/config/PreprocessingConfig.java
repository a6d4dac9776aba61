package org.voxseg.core.config;

import java.util.List;
import java.util.Objects;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.ChannelIntensities;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityScaling;
import org.voxseg.data.transform.Normalization;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Reorient;
import org.voxseg.data.transform.SpacingGrid;

/**
 * The config's {@code dataset.preprocessing} section, also stored in {@code model.json} so that prediction
 * preprocesses exactly as training did, e.g. {@code {"crop_foreground": true, "target_spacing": [1, 1, 1],
 * "normalization": "zscore_nonzero"}}.
 *
 * @param orientation reorient cases to these axis codes first (MONAI's {@code Orientation}, imported bundles), or
 *        null
 * @param cropForeground crop to the box of voxels above the threshold in any channel
 * @param cropThreshold the value (or, with {@code crop_percentile}, the percentile) voxels must exceed
 * @param cropPercentile whether the threshold is a percentile of the image (3DUnetCNN uses 10)
 * @param cropMargin voxels kept around the box
 * @param targetSpacing resample to this spacing in mm along (x, y, z), or null
 * @param spacingGrid reach {@code targetSpacing} on MONAI's {@code Spacing} grid (imported MONAI bundles) rather
 *        than voxseg's, or null for voxseg's
 * @param targetShape resample to this shape along (x, y, z), or null
 * @param scaleIntensityRange map intensities linearly before the normalisation (MONAI's ScaleIntensityRange, from
 *        imported models), or null
 * @param normalization z-score over non-zero voxels (MONAI nonzero=True) or over all voxels, nnU-Net's CT
 *        normalisation, or none
 * @param channelWise z-score statistics per channel (CT normalisation always is)
 * @param clipPercentiles clip masked values to these two percentiles before the z-score, or null
 * @param intensityStatistics CT normalisation only: each channel's training-foreground statistics, which training
 *        computes from the labelled cases when the config gives none ({@link #withIntensityStatistics}), or null
 * @param padTo imported models only (MONAI's {@code SpatialPadd}): pad cases with zeros to at least this shape along
 *        (x, y, z), centred, or null; voxseg's own networks pad to their patch
 * @param padMultipleOf imported models only ({@code DivisiblePadd}): pad each side to a multiple of this, or null
 */
public record PreprocessingConfig(String orientation, boolean cropForeground, double cropThreshold,
        boolean cropPercentile, int cropMargin, Spacing targetSpacing, SpacingGrid spacingGrid, Extent targetShape,
        IntensityScaling scaleIntensityRange, Normalization.Kind normalization, boolean channelWise,
        List<Double> clipPercentiles, List<ChannelIntensities> intensityStatistics, Extent padTo,
        Integer padMultipleOf) {

    /** A builder with the defaults: crop above 0 with no margin, no resampling, channel-wise non-zero z-score. */
    public static Builder builder() {
        return new Builder();
    }

    public PreprocessingConfig {
        if (targetShape != null && !targetShape.isPositive()) {
            throw new IllegalArgumentException("target_shape needs three positive values along (x, y, z)");
        }
        if (targetSpacing != null && targetShape != null) {
            throw new IllegalArgumentException("give target_spacing or target_shape, not both");
        }
        if (orientation != null && !Reorient.isValid(orientation)) {
            throw new IllegalArgumentException("orientation '" + orientation + "' should be three axis codes naming "
                    + "each of L/R, P/A, I/S once, e.g. RAS");
        }
        if (spacingGrid != null && targetSpacing == null) {
            throw new IllegalArgumentException("spacing_grid needs a target_spacing");
        }
        Objects.requireNonNull(normalization, "normalization");
        if (clipPercentiles != null && clipPercentiles.size() != 2) {
            throw new IllegalArgumentException("clip_percentiles needs two values, low and high");
        }
        clipPercentiles = clipPercentiles == null ? null : List.copyOf(clipPercentiles);
        NormalizationChoice.requireConsistent(normalization, channelWise, clipPercentiles, scaleIntensityRange,
                intensityStatistics);
        intensityStatistics = intensityStatistics == null ? null : List.copyOf(intensityStatistics);
        if (padTo != null && !padTo.isPositive() || padMultipleOf != null && padMultipleOf < 1) {
            throw new IllegalArgumentException("pad_to and pad_multiple_of need positive values");
        }
        if (cropMargin < 0) {
            throw new IllegalArgumentException("crop_margin must not be negative: " + cropMargin);
        }
    }

    /** Whether training must compute {@link #intensityStatistics} before it can preprocess: CT without them. */
    public boolean needsIntensityStatistics() {
        return normalization == Normalization.Kind.CT && intensityStatistics == null;
    }

    /** This section with the CT normalisation's statistics. */
    public PreprocessingConfig withIntensityStatistics(List<ChannelIntensities> statistics) {
        return new PreprocessingConfig(orientation, cropForeground, cropThreshold, cropPercentile, cropMargin,
                targetSpacing, spacingGrid, targetShape, scaleIntensityRange, normalization, channelWise,
                clipPercentiles, statistics, padTo, padMultipleOf);
    }

    /**
     * This section padding an imported model's cases as voxseg pads its own: to at least {@code shape}, every side a
     * multiple of {@code divisor}.
     */
    public PreprocessingConfig withPadding(Extent shape, int divisor) {
        return new PreprocessingConfig(orientation, cropForeground, cropThreshold, cropPercentile, cropMargin,
                targetSpacing, spacingGrid, targetShape, scaleIntensityRange, normalization, channelWise,
                clipPercentiles, intensityStatistics, shape, divisor);
    }

    /**
     * The preprocessing of an imported model: padded only as its bundle pads ({@code padTo}, {@code padMultipleOf}).
     */
    public PreprocessingSettings importedSettings() {
        return settings(padTo != null ? padTo : Extent.cube(1), padMultipleOf != null ? padMultipleOf : 1);
    }

    /**
     * The preprocessing this section describes, padding results to at least {@code minShape} (the patch) and to
     * multiples of {@code divisor} (the network's total stride).
     */
    public PreprocessingSettings settings(Extent minShape, int divisor) {
        PreprocessingSettings.Builder builder = PreprocessingSettings.builder().padding(minShape, divisor)
                .orientation(orientation);
        if (cropForeground) {
            builder.foregroundCrop(cropPercentile ? ForegroundCrop.abovePercentile(cropThreshold, cropMargin)
                    : ForegroundCrop.above(cropThreshold, cropMargin));
        }
        if (targetSpacing != null) {
            builder.targetSpacing(targetSpacing).spacingGrid(spacingGrid);
        }
        if (targetShape != null) {
            builder.targetShape(targetShape);
        }
        if (scaleIntensityRange != null) {
            builder.scaling(scaleIntensityRange);
        }
        NormalizationChoice.of(normalization, channelWise, clipPercentiles, intensityStatistics)
                .ifPresent(builder::normalization);
        return builder.build();
    }

    /** Collects a preprocessing section. */
    public static final class Builder {
        private String orientation;
        private boolean cropForeground = true;
        private double cropThreshold;
        private boolean cropPercentile;
        private int cropMargin;
        private Spacing targetSpacing;
        private SpacingGrid spacingGrid;
        private Extent targetShape;
        private IntensityScaling scaleIntensityRange;
        private Normalization.Kind normalization = Normalization.Kind.ZSCORE_NONZERO;
        private boolean channelWise = true;
        private List<Double> clipPercentiles;
        private List<ChannelIntensities> intensityStatistics;
        private Extent padTo;
        private Integer padMultipleOf;

        private Builder() {
        }

        public Builder orientation(String value) {
            orientation = value;
            return this;
        }

        public Builder cropForeground(boolean value) {
            cropForeground = value;
            return this;
        }

        public Builder cropThreshold(double value) {
            cropThreshold = value;
            return this;
        }

        public Builder cropPercentile(boolean value) {
            cropPercentile = value;
            return this;
        }

        public Builder cropMargin(int value) {
            cropMargin = value;
            return this;
        }

        public Builder targetSpacing(Spacing value) {
            targetSpacing = value;
            return this;
        }

        public Builder spacingGrid(SpacingGrid value) {
            spacingGrid = value;
            return this;
        }

        public Builder targetShape(Extent value) {
            targetShape = value;
            return this;
        }

        public Builder scaleIntensityRange(IntensityScaling value) {
            scaleIntensityRange = value;
            return this;
        }

        public Builder normalization(Normalization.Kind value) {
            normalization = value;
            return this;
        }

        public Builder channelWise(boolean value) {
            channelWise = value;
            return this;
        }

        public Builder clipPercentiles(List<Double> value) {
            clipPercentiles = value;
            return this;
        }

        public Builder intensityStatistics(List<ChannelIntensities> value) {
            intensityStatistics = value;
            return this;
        }

        public Builder padTo(Extent value) {
            padTo = value;
            return this;
        }

        public Builder padMultipleOf(Integer value) {
            padMultipleOf = value;
            return this;
        }

        public PreprocessingConfig build() {
            return new PreprocessingConfig(orientation, cropForeground, cropThreshold, cropPercentile, cropMargin,
                    targetSpacing, spacingGrid, targetShape, scaleIntensityRange, normalization, channelWise,
                    clipPercentiles, intensityStatistics, padTo, padMultipleOf);
        }
    }
}
