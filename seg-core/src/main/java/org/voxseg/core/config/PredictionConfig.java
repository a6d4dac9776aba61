package org.voxseg.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.prediction.WindowPadding;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.label.PostprocessingStep;
import org.voxseg.data.label.RemoveSmallComponents;
import org.voxseg.data.label.ReplaceSmallLabel;

/**
 * The config's {@code prediction} section, stored in {@code model.json} as the defaults of {@code voxseg predict}:
 * sliding-window settings with MONAI's names, mirror test-time augmentation and postprocessing.
 *
 * @param roi window size along (x, y, z), or null for the training patch
 * @param overlap fraction of overlap between windows
 * @param swBatchSize windows per forward pass
 * @param mode Gaussian or constant blending
 * @param blend blend probabilities (voxseg's networks) or raw outputs, the activation applied after blending (MONAI's
 *        bundles, nnU-Net v2)
 * @param sigmaScale the Gaussian's sigma as a fraction of the window
 * @param tta average the 8 mirrored predictions
 * @param minComponentSize remove components of any label smaller than this many voxels (0: keep all)
 * @param keepLargestComponent keep only the largest connected component of the foreground
 * @param enhancingThreshold BraTS rule: if fewer voxels than this are label 4, they become 1 (0: off)
 * @param device the device prediction runs on unless the caller names one (default auto)
 * @param paddingMode how the window pads an image smaller than itself: zeros (voxseg's networks), or the edge voxels
 *        repeated as an imported bundle's {@code padding_mode} replicate does
 */
public record PredictionConfig(Extent roi, double overlap, int swBatchSize, BlendMode mode, BlendedValues blend,
        double sigmaScale,
        boolean tta, int minComponentSize, boolean keepLargestComponent, int enhancingThreshold,
        DeviceRequest device, WindowPadding paddingMode) {

    /** A builder with the defaults: training patch, overlap 0.5, Gaussian, no TTA, no postprocessing. */
    public static Builder builder() {
        return new Builder();
    }

    public PredictionConfig {
        if (roi != null && !roi.isPositive()) {
            throw new IllegalArgumentException("roi needs three positive sizes along (x, y, z)");
        }
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be in [0, 1), not " + overlap);
        }
        if (swBatchSize < 1 || !(sigmaScale > 0) || minComponentSize < 0 || enhancingThreshold < 0) {
            throw new IllegalArgumentException("sw_batch_size must be at least 1 (" + swBatchSize + "), sigma_scale "
                    + "positive (" + sigmaScale + "), min_component_size and enhancing_threshold not negative");
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(paddingMode, "paddingMode");
    }

    /** This section with the window set to {@code patch} where none is given. */
    public PredictionConfig withDefaultRoi(Extent patch) {
        return roi != null ? this : new PredictionConfig(patch, overlap, swBatchSize, mode, blend, sigmaScale, tta,
                minComponentSize, keepLargestComponent, enhancingThreshold, device, paddingMode);
    }

    /** This section with other window, overlap, batch and TTA settings (from the command line). */
    public PredictionConfig with(Extent window, double windowOverlap, int batchSize, boolean mirror) {
        return new PredictionConfig(window, windowOverlap, batchSize, mode, blend, sigmaScale, mirror,
                minComponentSize, keepLargestComponent, enhancingThreshold, device, paddingMode);
    }

    /** The sliding window this section describes. */
    public SlidingWindow slidingWindow() {
        if (roi == null) {
            throw new IllegalStateException("no window size: use withDefaultRoi first");
        }
        return new SlidingWindow(roi, overlap, swBatchSize, mode == BlendMode.GAUSSIAN, sigmaScale, paddingMode);
    }

    /**
     * Whether any postprocessing key is set; these keys then win over the postprocessing decided on validation
     * cases.
     */
    public boolean hasPostprocessingKeys() {
        return minComponentSize > 0 || keepLargestComponent || enhancingThreshold > 0;
    }

    /**
     * The clean-up of label maps the postprocessing keys describe, for a dataset with these labels: small components
     * of each label removed, then the largest foreground component kept, then the BraTS rule (4 becomes 1).
     */
    public Postprocessing postprocessing(int[] labels) {
        List<PostprocessingStep> steps = new ArrayList<>();
        if (minComponentSize > 0) {
            for (int label : labels) {
                steps.add(new RemoveSmallComponents("label " + label, List.of(label), minComponentSize));
            }
        }
        if (keepLargestComponent) {
            steps.add(new KeepLargestComponent("foreground", Arrays.stream(labels).boxed().toList()));
        }
        if (enhancingThreshold > 0) {
            steps.add(new ReplaceSmallLabel(4, enhancingThreshold, 1));
        }
        return Postprocessing.of(steps);
    }

    /** Collects an prediction section. */
    public static final class Builder {
        private Extent roi;
        private double overlap = 0.5;
        private int swBatchSize = 1;
        private BlendMode mode = BlendMode.GAUSSIAN;
        private BlendedValues blend = BlendedValues.PROBABILITIES;
        private double sigmaScale = 0.125;
        private boolean tta;
        private int minComponentSize;
        private boolean keepLargestComponent;
        private int enhancingThreshold;
        private DeviceRequest device = DeviceRequest.AUTO;
        private WindowPadding paddingMode = WindowPadding.CONSTANT;

        private Builder() {
        }

        public Builder roi(Extent value) {
            roi = value;
            return this;
        }

        public Builder overlap(double value) {
            overlap = value;
            return this;
        }

        public Builder swBatchSize(int value) {
            swBatchSize = value;
            return this;
        }

        public Builder mode(BlendMode value) {
            mode = value;
            return this;
        }

        public Builder blend(BlendedValues value) {
            blend = value;
            return this;
        }

        public Builder sigmaScale(double value) {
            sigmaScale = value;
            return this;
        }

        public Builder tta(boolean value) {
            tta = value;
            return this;
        }

        public Builder minComponentSize(int value) {
            minComponentSize = value;
            return this;
        }

        public Builder keepLargestComponent(boolean value) {
            keepLargestComponent = value;
            return this;
        }

        public Builder enhancingThreshold(int value) {
            enhancingThreshold = value;
            return this;
        }

        public Builder device(DeviceRequest value) {
            device = value;
            return this;
        }

        public Builder paddingMode(WindowPadding value) {
            paddingMode = value;
            return this;
        }

        public PredictionConfig build() {
            return new PredictionConfig(roi, overlap, swBatchSize, mode, blend, sigmaScale, tta, minComponentSize,
                    keepLargestComponent, enhancingThreshold, device, paddingMode);
        }
    }
}
