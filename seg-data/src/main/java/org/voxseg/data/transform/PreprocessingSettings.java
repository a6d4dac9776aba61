package org.voxseg.data.transform;

import java.util.Arrays;
import java.util.Optional;

/**
 * What preprocessing does to a case: foreground crop, resampling to a spacing or a shape, intensity
 * normalisation, and padding to a minimum shape divisible by the network's total stride. Immutable; see
 * {@link #builder()}.
 */
public final class PreprocessingSettings {

    private final ForegroundCrop foregroundCrop;
    private final double[] targetSpacing;
    private final int[] targetShape;
    private final IntensityNormalization normalization;
    private final int[] minShape;
    private final int divisor;

    private PreprocessingSettings(Builder b) {
        if (b.targetSpacing != null && b.targetShape != null) {
            throw new IllegalArgumentException("resample to a spacing or to a shape, not both");
        }
        this.foregroundCrop = b.foregroundCrop;
        this.targetSpacing = b.targetSpacing == null ? null : b.targetSpacing.clone();
        this.targetShape = b.targetShape == null ? null : b.targetShape.clone();
        this.normalization = b.normalization;
        this.minShape = b.minShape.clone();
        this.divisor = b.divisor;
    }

    /** A builder that does nothing until told: no crop, no resampling, no normalisation, no padding. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<ForegroundCrop> foregroundCrop() {
        return Optional.ofNullable(foregroundCrop);
    }

    public Optional<double[]> targetSpacing() {
        return Optional.ofNullable(targetSpacing).map(double[]::clone);
    }

    public Optional<int[]> targetShape() {
        return Optional.ofNullable(targetShape).map(int[]::clone);
    }

    public Optional<IntensityNormalization> normalization() {
        return Optional.ofNullable(normalization);
    }

    /** The smallest shape the result may have (e.g. the training patch size). */
    public int[] minShape() {
        return minShape.clone();
    }

    /** Every axis of the result is a multiple of this (the network's total stride). */
    public int divisor() {
        return divisor;
    }

    /** A canonical one-line description: equal settings give equal text (used in cache keys). */
    @Override
    public String toString() {
        return "PreprocessingSettings[crop=" + foregroundCrop + ", spacing=" + Arrays.toString(targetSpacing)
                + ", shape=" + Arrays.toString(targetShape) + ", normalization=" + normalization + ", minShape="
                + Arrays.toString(minShape) + ", divisor=" + divisor + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessingSettings other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Collects preprocessing settings. */
    public static final class Builder {
        private ForegroundCrop foregroundCrop;
        private double[] targetSpacing;
        private int[] targetShape;
        private IntensityNormalization normalization;
        private int[] minShape = {1, 1, 1};
        private int divisor = 1;

        private Builder() {
        }

        public Builder foregroundCrop(ForegroundCrop crop) {
            this.foregroundCrop = crop;
            return this;
        }

        /** Resample to about this voxel spacing (nnU-Net style). */
        public Builder targetSpacing(double[] spacing) {
            this.targetSpacing = spacing.clone();
            return this;
        }

        /** Resample to exactly this shape (3DUnetCNN's {@code desired_shape}). */
        public Builder targetShape(int[] shape) {
            this.targetShape = shape.clone();
            return this;
        }

        public Builder normalization(IntensityNormalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /** Pad to at least {@code shape}, and to multiples of {@code divisor}. */
        public Builder padding(int[] shape, int divisor) {
            this.minShape = shape.clone();
            this.divisor = divisor;
            return this;
        }

        public PreprocessingSettings build() {
            return new PreprocessingSettings(this);
        }
    }
}
