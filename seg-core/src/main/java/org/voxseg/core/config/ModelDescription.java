package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.transform.PreprocessingSettings;

/**
 * {@code model.json}: what a trained network needs around it to segment a new case, so that a run folder is all
 * {@code predict} (and Fiji) need: the architecture, the input channels in order, the labels and how outputs map
 * to them, the preprocessing, and the default prediction settings.
 *
 * @param format the file format's version
 * @param model the architecture of a network voxseg trained, or null for an imported one
 * @param torchscript what voxseg knows of an imported TorchScript model ({@code model.ts} beside this file), or null
 *        for a network voxseg trained
 * @param activation sigmoid (nested regions) or softmax (classes)
 * @param channels input channel names in order, e.g. flair, t1, t1ce, t2
 * @param labels label values written to predictions, e.g. [2, 1, 4]
 * @param labelHierarchy outputs are nested regions rather than one-hot classes
 * @param outputNames output channel names, e.g. WT, TC, ET
 * @param patchSize the training patch along (x, y, z); an imported model's window
 * @param preprocessing the preprocessing applied before the network
 * @param prediction default sliding-window settings and the postprocessing keys of the config
 * @param postprocessing the postprocessing decided on validation cases, or null before one was decided
 */
public record ModelDescription(int format, @JsonInclude(JsonInclude.Include.NON_NULL) NetworkConfig model,
        @JsonInclude(JsonInclude.Include.NON_NULL) TorchScriptModel torchscript, OutputActivation activation,
        List<String> channels, List<Integer> labels, boolean labelHierarchy, List<String> outputNames, Extent patchSize,
        PreprocessingConfig preprocessing, PredictionConfig prediction, ChosenPostprocessing postprocessing) {

    /**
     * The format this version writes; it also reads format 1 (before {@code postprocessing} and devices), 2
     * (before imported models) and 3 (whose {@code prediction} section was called {@code inference}).
     */
    public static final int FORMAT = 4;

    /** The file's name in a run folder. */
    public static final String FILE = "model.json";

    /** Reads {@code model.json}. */
    @JsonCreator
    public static ModelDescription of(@JsonProperty(value = "format", required = true) int format,
            @JsonProperty("model") NetworkConfig model,
            @JsonProperty("torchscript") TorchScriptModel torchscript,
            @JsonProperty(value = "activation", required = true) OutputActivation activation,
            @JsonProperty(value = "channels", required = true) List<String> channels,
            @JsonProperty(value = "labels", required = true) @JsonDeserialize(using = IntListDeserializer.class)
            List<Integer> labels,
            @JsonProperty(value = "label_hierarchy", required = true) boolean labelHierarchy,
            @JsonProperty(value = "output_names", required = true) List<String> outputNames,
            @JsonProperty(value = "patch_size", required = true) Extent patchSize,
            @JsonProperty(value = "preprocessing", required = true) PreprocessingConfig preprocessing,
            @JsonProperty(value = "prediction", required = true) @JsonAlias("inference") PredictionConfig prediction,
            @JsonProperty("postprocessing") ChosenPostprocessing postprocessing) {
        return new ModelDescription(format, model, torchscript, activation, channels, labels, labelHierarchy,
                outputNames, patchSize, preprocessing, prediction, postprocessing);
    }

    public ModelDescription {
        if (format < 1 || format > FORMAT) {
            throw new IllegalArgumentException("model.json format " + format + " is not " + FORMAT
                    + " (written by another voxseg version)");
        }
        channels = List.copyOf(channels);
        labels = List.copyOf(labels);
        outputNames = List.copyOf(outputNames);
        prediction = prediction.withDefaultRoi(patchSize);
        if ((model == null) == (torchscript == null)) {
            throw new IllegalArgumentException("a model description needs either 'model' (a network voxseg trained) "
                    + "or 'torchscript' (an imported one)");
        }
        int inChannels = model != null ? model.inChannels() : torchscript.inChannels();
        if (channels.size() != inChannels) {
            throw new IllegalArgumentException(channels.size() + " channel names for a network of " + inChannels
                    + " input channels");
        }
        if (torchscript != null) {
            torchscript.requireFits(prediction.roi());
        }
    }

    /** The description of the network that {@code config} trains. */
    public static ModelDescription of(RunConfig config) {
        DatasetConfig dataset = config.dataset();
        return new ModelDescription(FORMAT, config.model(), null, config.loss().activation(), dataset.channels(),
                dataset.labels(), dataset.labelHierarchy(), dataset.regionNames(), config.training().patchSize(),
                dataset.preprocessing(), config.prediction(), null);
    }

    /** This description with the postprocessing decided on validation cases. */
    public ModelDescription withPostprocessing(ChosenPostprocessing chosen) {
        return new ModelDescription(FORMAT, model, torchscript, activation, channels, labels, labelHierarchy,
                outputNames, patchSize, preprocessing, prediction, chosen);
    }

    /** Reads {@code model.json}. */
    public static ModelDescription read(Path file) throws IOException {
        return ConfigJson.read(file, ModelDescription.class);
    }

    /** The label values as a new array, as the label encodings and prediction writers take them. */
    public int[] labelArray() {
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How output channels become label values. */
    public LabelEncoding encoding() {
        return LabelEncoding.of(labelArray(), labelHierarchy);
    }

    /** The activation that turns network outputs into probabilities. */
    public OutputActivation outputActivation() {
        return activation;
    }

    /** Whether the network is an imported TorchScript model rather than one voxseg trained. */
    public boolean imported() {
        return torchscript != null;
    }

    /**
     * The preprocessing that prediction repeats. A network voxseg trained gets cases padded to its patch and its
     * total stride, as in training; an imported one gets none, since MONAI's sliding window pads to the window
     * itself.
     */
    public PreprocessingSettings preprocessingSettings() {
        if (imported()) {
            return preprocessing.importedSettings();
        }
        return preprocessing.settings(patchSize, strideDivisor());
    }

    /** What every padded side of a case is a multiple of: the network's largest total stride. */
    public int strideDivisor() {
        if (imported()) {
            return torchscript.strideDivisor();
        }
        int divisor = 1;
        for (int stride : model.totalStride()) {
            divisor = Math.max(divisor, stride);
        }
        return divisor;
    }
}
