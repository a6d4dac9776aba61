package org.voxseg.data.transform;

import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;

/**
 * What preprocessing does to a case: foreground crop, resampling to a spacing or a shape, intensity scaling and
 * normalisation, and padding to a minimum shape divisible by the network's total stride. A value: equal settings are
 * equal, and {@link #cacheDescription} is the canonical text preprocessed caches hash (not {@code toString}, which
 * is the record's own and free to change). See {@link #builder()}.
 *
 * @param axisCodes reorient cases to these axis codes first, e.g. RAS (MONAI's {@code Orientation}), or null
 * @param foregroundCrop the crop to the foreground's box, or null for none
 * @param targetSpacing resample to about this spacing (nnU-Net style), or null
 * @param spacingGrid resample to {@code targetSpacing} on MONAI's grid ({@link SpacingResample}) rather than
 *        voxseg's, or null
 * @param targetShape resample to exactly this shape (3DUnetCNN's {@code desired_shape}), or null
 * @param scaling a linear intensity mapping before the normalisation (MONAI's ScaleIntensityRange), or null
 * @param normalization the intensity normalisation, or null for none
 * @param minShape the smallest shape the result may have (e.g. the training patch size)
 * @param divisor every axis of the result is a multiple of this (the network's total stride)
 */
public record PreprocessingSettings(String axisCodes, ForegroundCrop foregroundCrop, Spacing targetSpacing,
        SpacingGrid spacingGrid, Extent targetShape, IntensityScaling scaling, Normalization normalization,
        Extent minShape, int divisor) {

    public PreprocessingSettings {
        if (targetSpacing != null && targetShape != null) {
            throw new IllegalArgumentException("resample to a spacing or to a shape, not both");
        }
        if (spacingGrid != null && targetSpacing == null) {
            throw new IllegalArgumentException("MONAI's spacing grid needs a target spacing");
        }
        Objects.requireNonNull(minShape, "minShape");
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
    }

    /** A builder that does nothing until told: no crop, no resampling, no normalisation, no padding. */
    public static Builder builder() {
        return new Builder();
    }

    /** The axis codes cases are reoriented to, if any. */
    public Optional<String> orientation() {
        return Optional.ofNullable(axisCodes);
    }

    /** The foreground crop, if any. */
    public Optional<ForegroundCrop> crop() {
        return Optional.ofNullable(foregroundCrop);
    }

    /** The spacing to resample to, if any. */
    public Optional<Spacing> spacing() {
        return Optional.ofNullable(targetSpacing);
    }

    /** MONAI's spacing grid, if the spacing is reached on it. */
    public Optional<SpacingGrid> grid() {
        return Optional.ofNullable(spacingGrid);
    }

    /** The shape to resample to, if any. */
    public Optional<Extent> shape() {
        return Optional.ofNullable(targetShape);
    }

    /** The intensity scaling, if any. */
    public Optional<IntensityScaling> intensityScaling() {
        return Optional.ofNullable(scaling);
    }

    /** The intensity normalisation, if any. */
    public Optional<Normalization> intensityNormalization() {
        return Optional.ofNullable(normalization);
    }

    /**
     * The settings' part of a preprocessed cache entry's identity: canonical text, equal for equal settings and
     * different when any component differs. It must never change for existing settings, or every cache written
     * before rebuilds its entries: a new component appears only when set, as the orientation, the scaling and the
     * spacing grid do, and the text is what {@code toString} printed before it was split from it. The components
     * appear as their own text (a record's, {@code [x, y, z]} for extents and spacings), which is part of it too.
     */
    public String cacheDescription() {
        return "PreprocessingSettings[" + (axisCodes == null ? "" : "orientation=" + axisCodes + ", ") + "crop="
                + foregroundCrop + ", spacing=" + targetSpacing
                + (spacingGrid == null ? "" : ", grid=" + spacingGrid) + ", shape=" + targetShape
                + (scaling == null ? "" : ", scaling=" + scaling) + ", normalization=" + normalization
                + ", minShape=" + minShape + ", divisor=" + divisor + "]";
    }

    /** Collects preprocessing settings. */
    public static final class Builder {
        private String orientation;
        private ForegroundCrop foregroundCrop;
        private Spacing targetSpacing;
        private SpacingGrid spacingGrid;
        private Extent targetShape;
        private IntensityScaling scaling;
        private Normalization normalization;
        private Extent minShape = Extent.cube(1);
        private int divisor = 1;

        private Builder() {
        }

        /** Reorient cases to these axis codes first, e.g. RAS. */
        public Builder orientation(String codes) {
            this.orientation = codes;
            return this;
        }

        public Builder foregroundCrop(ForegroundCrop crop) {
            this.foregroundCrop = crop;
            return this;
        }

        /** Resample to about this voxel spacing (nnU-Net style). */
        public Builder targetSpacing(Spacing spacing) {
            this.targetSpacing = spacing;
            return this;
        }

        /** Reach the target spacing on MONAI's grid ({@link SpacingResample}) instead of voxseg's. */
        public Builder spacingGrid(SpacingGrid grid) {
            this.spacingGrid = grid;
            return this;
        }

        /** Resample to about this voxel spacing, given as {@code [x, y, z]}. */
        public Builder targetSpacing(double[] spacing) {
            return targetSpacing(Spacing.of(spacing));
        }

        /** Resample to exactly this shape (3DUnetCNN's {@code desired_shape}). */
        public Builder targetShape(Extent shape) {
            this.targetShape = shape;
            return this;
        }

        /** Resample to exactly this shape, given as {@code [x, y, z]}. */
        public Builder targetShape(int[] shape) {
            return targetShape(Extent.of(shape));
        }

        /** Map intensities linearly before the normalisation (MONAI's ScaleIntensityRange). */
        public Builder scaling(IntensityScaling scaling) {
            this.scaling = scaling;
            return this;
        }

        public Builder normalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /** Pad to at least {@code shape}, and to multiples of {@code divisor}. */
        public Builder padding(Extent shape, int divisor) {
            this.minShape = shape;
            this.divisor = divisor;
            return this;
        }

        /** Pad to at least {@code shape}, given as {@code [x, y, z]}, and to multiples of {@code divisor}. */
        public Builder padding(int[] shape, int divisor) {
            return padding(Extent.of(shape), divisor);
        }

        public PreprocessingSettings build() {
            return new PreprocessingSettings(orientation, foregroundCrop, targetSpacing, spacingGrid, targetShape,
                    scaling, normalization,
                    minShape, divisor);
        }
    }
}
