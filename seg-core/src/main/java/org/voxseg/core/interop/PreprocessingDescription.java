package org.voxseg.core.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.data.transform.PreprocessingSettings;

/**
 * {@code preprocessing.json} of an export: what a case goes through around the exported network, in the order
 * voxseg applies it, for someone reproducing voxseg's prediction in Python (or in a MONAI pipeline).
 *
 * @param channels the input channels in order
 * @param tensorAxes the network's tensor order, {@code ckji}: (N, C, k, j, i)
 * @param steps the preprocessing steps in order, each with its {@code step} name and settings
 * @param slidingWindow the sliding-window settings voxseg predicts with (roi along (i, j, k))
 * @param activation how the network's outputs become probabilities
 * @param outputNames the output channels
 * @param labels the label values
 * @param labelHierarchy outputs are nested regions (a voxel takes the label of the last region above 0.5) rather
 *        than classes (arg-max, background first)
 */
record PreprocessingDescription(List<String> channels, TensorAxes tensorAxes, List<Map<String, Object>> steps,
        Map<String, Object> slidingWindow, OutputActivation activation, List<String> outputNames,
        List<Integer> labels, boolean labelHierarchy) {

    /**
     * How voxseg's own networks reach a target spacing (docs/reference.md, Resampling): not MONAI's {@code Spacingd}
     * grid, which keeps the first voxel centre and the exact spacing instead.
     */
    private static final String SPACING_RULE = "each axis gets max(1, round(n * spacing / target_spacing)) voxels "
            + "over the same field of view (the new spacing is spacing * n / m, close to the target);";
    private static final String HALF_VOXEL_RULE = "new voxel p samples old index (p + 0.5) * n / m - 0.5, as "
            + "torch.nn.functional.interpolate(align_corners=False); the prediction goes back the same way";

    /** The description of what prediction does with {@code model}. */
    static PreprocessingDescription of(ModelDescription model) {
        PreprocessingConfig preprocessing = model.preprocessing();
        List<Map<String, Object>> steps = new ArrayList<>();
        if (preprocessing.cropForeground()) {
            steps.add(step("crop_foreground", "threshold", preprocessing.cropThreshold(), "threshold_is_percentile",
                    preprocessing.cropPercentile(), "margin", preprocessing.cropMargin()));
        }
        if (preprocessing.targetSpacing() != null) {
            steps.add(step("resample", "target_spacing", preprocessing.targetSpacing().toArray(), "interpolation",
                    "linear", "grid", SPACING_RULE + " " + HALF_VOXEL_RULE));
        }
        if (preprocessing.targetShape() != null) {
            steps.add(step("resample", "target_shape", preprocessing.targetShape().toArray(), "interpolation",
                    "linear", "grid", HALF_VOXEL_RULE));
        }
        if (preprocessing.scaleIntensityRange() != null) {
            steps.add(step("scale_intensity_range", "range", preprocessing.scaleIntensityRange()));
        }
        if (preprocessing.intensityStatistics() != null) {
            steps.add(step("normalize_intensity", "kind", preprocessing.normalization(), "per_channel_statistics",
                    preprocessing.intensityStatistics(), "rule", "clip to [lower_bound, upper_bound], subtract mean, "
                    + "divide by max(std, 1e-8)"));
        } else {
            steps.add(step("normalize_intensity", "kind", preprocessing.normalization(), "channel_wise",
                    preprocessing.channelWise(), "clip_percentiles", preprocessing.clipPercentiles()));
        }
        PreprocessingSettings settings = model.preprocessingSettings();
        steps.add(step("pad_with_zeros", "min_shape", settings.minShape().toArray(), "multiple_of",
                settings.divisor(), "placement", "centred, the odd voxel after"));
        PredictionConfig prediction = model.prediction();
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("roi_size", prediction.roi().toArray());
        window.put("overlap", prediction.overlap());
        window.put("mode", prediction.mode());
        window.put("sigma_scale", prediction.sigmaScale());
        window.put("blend", prediction.blend());
        window.put("mirror_tta", prediction.tta());
        return new PreprocessingDescription(model.channels(), TensorAxes.CKJI, steps, window,
                model.outputActivation(), model.outputNames(), model.labels(), model.labelHierarchy());
    }

    private static Map<String, Object> step(String name, Object... settings) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", name);
        for (int i = 0; i < settings.length; i += 2) {
            step.put((String) settings[i], settings[i + 1]);
        }
        return step;
    }
}
