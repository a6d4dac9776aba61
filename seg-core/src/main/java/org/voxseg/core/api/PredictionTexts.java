package org.voxseg.core.api;

/**
 * The labels and help texts of the {@link PredictionOption}s, as constants so that a front end that declares its
 * fields by annotation (Fiji's {@code @Parameter}) can take them from here instead of repeating them.
 */
public final class PredictionTexts {

    public static final String ROI_LABEL = "Window (empty: the model's)";
    public static final String ROI_DESCRIPTION = "Window size along (x, y, z) (default: the model's).";
    public static final String OVERLAP_LABEL = "Window overlap (empty: the model's)";
    public static final String OVERLAP_DESCRIPTION = "The fraction of a window shared with its neighbour, in [0, 1) "
            + "(default: the model's).";
    public static final String SW_BATCH_LABEL = "Windows per pass (empty: the model's)";
    public static final String SW_BATCH_DESCRIPTION = "Windows per forward pass (default: the model's).";
    public static final String TTA_AXES_LABEL = "Mirrored axes (empty: x,y,z)";
    public static final String TTA_AXES_DESCRIPTION = "The axes test-time mirroring flips, and with it "
            + "mirroring on: x,y,z costs 8 network passes, two axes 4, one axis 2 (default: x,y,z).";
    public static final String TTA_LABEL = "Mirror test-time augmentation";
    public static final String TTA_DESCRIPTION = "Average mirrored predictions: every combination of flips along "
            + "the mirrored axes, 2^k network passes for k axes (all three: 8x slower); off switches it off "
            + "(default: the model's).";
    public static final String POSTPROCESSING_LABEL = "Apply the model's postprocessing";
    public static final String POSTPROCESSING_DESCRIPTION = "The clean-up decided on the model's "
            + "validation cases (or set in its config); off gives the network's decoded labels as they are "
            + "(default: on).";
    public static final String DEVICE_LABEL = "Device (empty: the model's)";
    public static final String DEVICE_DESCRIPTION = "The device to predict on: auto (GPU 0 "
            + "when libtorch sees one, else the CPU), cpu, gpu or gpu:N (default: the model's).";
    public static final String PRECISION_LABEL = "Precision (empty: fp32)";
    public static final String PRECISION_DESCRIPTION = "The number type the network computes in: "
            + "fp32 (as trained), bf16 (faster on GPUs and on CPUs with AMX or AMD's AVX-512 BF16; refused on other "
            + "CPUs) or fp16 (half the memory and faster on a GPU; refused on a CPU) (default: fp32).";

    private PredictionTexts() {
    }
}
