package org.voxseg.core.interop;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.config.TorchScriptModel;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.io.NewFolder;

/**
 * Turns a TorchScript model and what voxseg must know around it (channels, output labels, preprocessing, window,
 * axis order) into a run folder that {@code predict}, {@code evaluate} and Fiji use like one voxseg trained:
 * {@code model.json} and {@code model.ts}. The model is loaded and run once on an empty window before anything is
 * written ({@link ImportTrial}), so a model that does not fit the description, does not answer in time or answers NaN
 * is refused at import, not at the first case. See {@link #builder()}.
 */
public final class TorchScriptImport {

    /** How long the trial window may take by default: minutes for a large window of a large model on a CPU. */
    public static final Duration DEFAULT_TRIAL_LIMIT = Duration.ofMinutes(5);
    /** MONAI {@code SlidingWindowInferer}'s default overlap, an import's unless told otherwise. */
    public static final double MONAI_OVERLAP = 0.25;

    private final Path model;
    private final ModelDescription description;
    private final Duration trialLimit;

    private TorchScriptImport(Path model, ModelDescription description, Duration trialLimit) {
        this.model = model;
        this.description = description;
        this.trialLimit = trialLimit;
    }

    /** A builder; the model file, channels, outputs and window are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The import of a network voxseg exported ({@link SafetensorsExport}) and then traced or scripted in PyTorch
     * ({@code (C, k, j, i)} axes): the export's {@code model.json} gives the channels, labels, preprocessing, sliding
     * window and decided postprocessing, and cases are padded to the patch and the network's stride as voxseg pads
     * its own, so the imported run predicts the labels the exported run predicts.
     *
     * @param exportFolder the folder {@code voxseg export} wrote
     * @throws IOException if the export's {@code model.json} cannot be read
     * @throws IllegalArgumentException if it describes an imported model rather than one voxseg trained
     */
    public static TorchScriptImport ofExport(Path model, Path exportFolder, Duration trialLimit) throws IOException {
        Path file = exportFolder.resolve(ModelDescription.FILE);
        ModelDescription exported = ModelDescription.read(file);
        if (exported.imported()) {
            throw new IllegalArgumentException(file + ": describes an imported model; only a network voxseg trained "
                    + "and exported can be imported this way");
        }
        List<Integer> outputs = IntStream.range(0, exported.model().outChannels()).boxed().toList();
        TorchScriptModel traced = new TorchScriptModel(exported.channels().size(), TensorAxes.CKJI, outputs,
                exported.strideDivisor(), null, "TorchScript " + model.getFileName() + " traced from the export "
                + exportFolder.getFileName());
        PreprocessingConfig padded = exported.preprocessing().withPadding(exported.patchSize(),
                exported.strideDivisor());
        return new TorchScriptImport(model, new ModelDescription(ModelDescription.FORMAT, null, traced,
                exported.activation(), exported.channels(), exported.labels(), exported.labelHierarchy(),
                exported.outputNames(), exported.patchSize(), padded, exported.prediction(), exported.postprocessing()),
                trialLimit);
    }

    /** The {@code model.json} the import writes. */
    public ModelDescription description() {
        return description;
    }

    /**
     * Checks the model against the description, then writes the run folder {@code runFolder} whole or not at all
     * (built in a temporary sibling folder renamed into place).
     *
     * @throws IOException if {@code runFolder} exists and is not an empty folder, or naming the model file if the
     *     trial refuses it ({@link ImportTrial})
     */
    public void writeTo(Path runFolder, NDManager parent) throws IOException {
        NewFolder.requireNewOrEmpty(runFolder, "the import");
        new ImportTrial(model, description, trialLimit).run(parent.getDevice());
        NewFolder.write(runFolder, "the import", folder -> {
            Files.copy(model, folder.resolve(TorchScriptModel.FILE));
            ConfigJson.write(folder.resolve(ModelDescription.FILE), description);
        });
    }

    /** Collects an import. */
    public static final class Builder {
        private Path model;
        private List<String> channels;
        private OutputLabels outputs;
        private PreprocessingConfig preprocessing = PreprocessingConfig.builder().cropForeground(false).build();
        private PredictionConfig.Builder prediction = PredictionConfig.builder().blend(BlendedValues.OUTPUTS)
                .mode(BlendMode.CONSTANT).overlap(MONAI_OVERLAP);
        private Extent roi;
        private TensorAxes axes = TensorAxes.CIJK;
        private int strideDivisor = 1;
        private String orientation;
        private String source;
        private Duration trialLimit = DEFAULT_TRIAL_LIMIT;
        private ChosenPostprocessing postprocessing;

        private Builder() {
        }

        /** The TorchScript file. */
        public Builder model(Path file) {
            this.model = file;
            return this;
        }

        /** The input channels' names in the model's order, e.g. flair, t1, t1ce, t2 (the case files' suffixes). */
        public Builder channels(List<String> names) {
            this.channels = List.copyOf(names);
            return this;
        }

        /** How the model's outputs become labels. */
        public Builder outputs(OutputLabels labels) {
            this.outputs = labels;
            return this;
        }

        /** The preprocessing the model expects (default: none, no foreground crop). */
        public Builder preprocessing(PreprocessingConfig config) {
            this.preprocessing = config;
            return this;
        }

        /**
         * The sliding-window settings; the roi is set by {@link #roi}. Default: MONAI {@code SlidingWindowInferer}'s,
         * overlap 0.25 and constant weights, raw outputs blended.
         */
        public Builder prediction(PredictionConfig.Builder settings) {
            this.prediction = settings;
            return this;
        }

        /** The window along (x, y, z), i.e. the file's (i, j, k). */
        public Builder roi(Extent window) {
            this.roi = window;
            return this;
        }

        /** The order of the model's spatial tensor axes (default: MONAI's (C, i, j, k)). */
        public Builder axes(TensorAxes order) {
            this.axes = order;
            return this;
        }

        /** Every window side must be a multiple of this (the network's total down-sampling; default 1). */
        public Builder strideDivisor(int divisor) {
            this.strideDivisor = divisor;
            return this;
        }

        /** The axis codes cases must have, e.g. {@code RAS} (default: any). */
        public Builder orientation(String codes) {
            this.orientation = codes;
            return this;
        }

        /** Where the model came from, kept in model.json (default: the file's name). */
        public Builder source(String text) {
            this.source = text;
            return this;
        }

        /** The clean-up prediction applies unless switched off, e.g. a bundle's KeepLargestConnectedComponentd. */
        public Builder postprocessing(ChosenPostprocessing steps) {
            this.postprocessing = steps;
            return this;
        }

        /** How long the model may take for its trial window before it is refused (default 5 minutes). */
        public Builder trialLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the trial's time limit must be positive, not " + limit);
            }
            this.trialLimit = limit;
            return this;
        }

        /**
         * The import.
         *
         * @throws IllegalArgumentException if something required is missing, the parts do not fit together, or a value
         *     is outside {@link ImportLimits}
         */
        public TorchScriptImport build() {
            Objects.requireNonNull(model, "model");
            if (channels == null || channels.isEmpty() || roi == null) {
                throw new IllegalArgumentException("an import needs the input channels and the window (roi)");
            }
            if (outputs == null) {
                throw new IllegalArgumentException(model + ": say which labels the model's outputs are, with --regions "
                        + "(sigmoid outputs, e.g. TC=1+4,WT=1+2+4,ET=4) or --classes (softmax, e.g. background=0,"
                        + "tumour=1)");
            }
            if (preprocessing.needsIntensityStatistics()) {
                throw new IllegalArgumentException(model + ": normalization 'ct' needs the statistics of the training "
                        + "set's foreground, which an import does not have; use zscore or none");
            }
            PredictionConfig settings = prediction.roi(roi).build();
            requireWithin(BundleLargestComponent.unknownLabel(postprocessing, outputs.labels()), "postprocessing");
            requireWithin(ImportLimits.channelNames(channels), "channels (--channels; network_data_format.inputs)");
            requireWithin(ImportLimits.channelCount(outputs.modelChannels().size()), "outputs (--regions, --classes;"
                    + " network_data_format.outputs)");
            requireWithin(ImportLimits.window(roi), "roi (--roi; inferer.roi_size)");
            requireWithin(ImportLimits.windowBatch(settings.swBatchSize()), "window batch (--sw-batch; "
                    + "inferer.sw_batch_size)");
            requireWithin(ImportLimits.windowMemory(roi, settings.swBatchSize(), channels.size(),
                    outputs.modelChannels().size(), Runtime.getRuntime().maxMemory()), "roi and window batch");
            if (preprocessing.targetSpacing() != null) {
                requireWithin(ImportLimits.spacing(preprocessing.targetSpacing().toArray()), "target spacing "
                        + "(--spacing; Spacingd.pixdim)");
            }
            TorchScriptModel imported = new TorchScriptModel(channels.size(), axes, outputs.modelChannels(),
                    strideDivisor, orientation, source != null ? source : "TorchScript " + model.getFileName());
            ModelDescription description = new ModelDescription(ModelDescription.FORMAT, null, imported,
                    outputs.activation(), channels, outputs.labels(), outputs.hierarchy(), outputs.outputNames(),
                    roi, preprocessing, settings, postprocessing);
            return new TorchScriptImport(model, description, trialLimit);
        }

        /** Refuses a value outside {@link ImportLimits}, naming it as {@code what} (options and bundle keys). */
        private void requireWithin(Optional<String> problem, String what) {
            if (problem.isPresent()) {
                throw new IllegalArgumentException(model + ": " + what + ": " + problem.get());
            }
        }
    }
}
