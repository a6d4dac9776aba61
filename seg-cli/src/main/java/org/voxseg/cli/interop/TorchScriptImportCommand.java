package org.voxseg.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.interop.OutputLabels;
import org.voxseg.core.interop.TorchScriptImport;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.Normalization;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg import torchscript}: a TorchScript file and its description into a run folder. */
@Command(name = "torchscript", mixinStandardHelpOptions = true,
        description = "Import a TorchScript model (traced or scripted in PyTorch) with what voxseg must know around "
                + "it; the model is loaded and run on one window before anything is written.")
public final class TorchScriptImportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE.ts", description = "The TorchScript file.")
    Path model;

    @Option(names = "--channels", required = true, split = ",", paramLabel = "NAME,...",
            description = "The input channels in the model's order, named as the case files end, e.g. "
                    + "flair,t1,t1ce,t2.")
    List<String> channels;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OutputOptions outputs;

    @Option(names = "--normalization", required = true, paramLabel = "zscore_nonzero|zscore|none",
            description = "The intensity normalisation the model was trained with (MONAI's NormalizeIntensity: "
                    + "zscore_nonzero is nonzero=True).")
    Normalization.Kind normalization;

    @Option(names = "--channel-wise", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Normalise each channel on its own (MONAI's channel_wise; default: ${DEFAULT-VALUE}).")
    boolean channelWise;

    @Option(names = "--crop-foreground", description = "Crop each case to the box of its non-zero voxels first "
            + "(MONAI's CropForeground), and put the prediction back in place.")
    boolean cropForeground;

    @Option(names = "--spacing", split = ",", paramLabel = "X,Y,Z",
            description = "Resample cases to this voxel spacing (mm) first, and the prediction back.")
    double[] spacing;

    @Option(names = "--roi", required = true, split = ",", paramLabel = "X,Y,Z",
            description = "The sliding window along the file's (i, j, k) axes, as MONAI's roi_size.")
    int[] roi;

    @Option(names = "--axes", defaultValue = "cijk", paramLabel = "cijk|ckji",
            description = "The order of the model's spatial tensor axes: cijk for MONAI and nibabel arrays, ckji for "
                    + "a network exported from voxseg (default: ${DEFAULT-VALUE}).")
    TensorAxes axes;

    @Option(names = "--blend", defaultValue = "outputs", paramLabel = "outputs|probabilities",
            description = "Blend the windows' raw outputs and apply the activation after (MONAI, nnU-Net v2), or "
                    + "blend probabilities (voxseg's own networks) (default: ${DEFAULT-VALUE}).")
    BlendedValues blend;

    @Option(names = "--overlap", defaultValue = "0.25", paramLabel = "F",
            description = "Sliding-window overlap (default: ${DEFAULT-VALUE}, MONAI SlidingWindowInferer's).")
    double overlap;

    @Option(names = "--mode", defaultValue = "constant", paramLabel = "gaussian|constant",
            description = "Blending weights (default: ${DEFAULT-VALUE}, MONAI SlidingWindowInferer's).")
    BlendMode mode;

    @Option(names = "--sw-batch", defaultValue = "1", paramLabel = "N",
            description = "Windows per forward pass (default: ${DEFAULT-VALUE}).")
    int windowBatch;

    @Option(names = "--orientation", paramLabel = "RAS|LPS|...",
            description = "Refuse cases whose axes point otherwise (voxseg does not reorient).")
    String orientation;

    @Mixin
    StrideDivisorOption stride;

    @Mixin
    ImportTarget target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputLabels labels = outputs.labels();
        PreprocessingConfig.Builder preprocessing = PreprocessingConfig.builder().cropForeground(cropForeground)
                .normalization(normalization).channelWise(channelWise);
        if (spacing != null) {
            preprocessing.targetSpacing(Spacing.of(spacing));
        }
        TorchScriptImport.Builder modelImport = TorchScriptImport.builder().model(model).channels(channels)
                .outputs(labels).preprocessing(preprocessing.build()).roi(Extent.of(roi)).axes(axes)
                .orientation(orientation).prediction(PredictionConfig.builder().blend(blend).overlap(overlap)
                        .mode(mode).swBatchSize(windowBatch));
        return target.importInto(stride.applyTo(modelImport), spec.commandLine().getOut());
    }
}
