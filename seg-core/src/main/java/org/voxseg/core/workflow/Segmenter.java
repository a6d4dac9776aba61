package org.voxseg.core.workflow;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.voxseg.core.config.InferenceConfig;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.inference.CasePredictor;
import org.voxseg.core.inference.EnsemblePredictor;
import org.voxseg.core.inference.MirroredPredictor;
import org.voxseg.core.inference.Predictor;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/**
 * Segments whole cases with one trained model or the mean of several (e.g. the folds of a cross-validation):
 * the models' preprocessing, sliding window, optional mirror TTA, inverse preprocessing, decoding to the dataset's
 * label values and postprocessing; writes label maps (and optionally probabilities) in the input's geometry.
 */
public final class Segmenter {

    private final ModelDescription description;
    private final InferenceConfig settings;
    private final CasePredictor predictor;

    /**
     * @param models one or more models with the same channels, labels and preprocessing
     * @param settings sliding-window, TTA and postprocessing settings (see {@link #defaults})
     * @throws IllegalArgumentException if the models do not agree
     */
    public Segmenter(List<TrainedModel> models, InferenceConfig settings) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model given");
        }
        this.description = models.get(0).description();
        List<Predictor> members = new ArrayList<>();
        for (TrainedModel model : models) {
            requireCompatible(models.get(0), model);
            members.add(model.predictor());
        }
        Predictor combined = members.size() == 1 ? members.get(0) : new EnsemblePredictor(members);
        if (settings.tta()) {
            combined = new MirroredPredictor(combined, MirroredPredictor.allFlips());
        }
        this.settings = settings.withDefaultRoi(description.patchSize());
        this.predictor = new CasePredictor(description.preprocessingSettings(), this.settings.inferer(), combined,
                description.encoding(), this.settings.postprocessing(description.labels()));
    }

    /** The inference settings stored with the first model. */
    public static InferenceConfig defaults(List<TrainedModel> models) {
        return models.get(0).description().inference();
    }

    /** What the models expect and produce. */
    public ModelDescription description() {
        return description;
    }

    /**
     * Segments one case (all channels, on its original grid), reporting windows done.
     *
     * @throws IllegalArgumentException if the image has another number of channels than the model expects
     */
    public CasePredictor.Prediction segment(Volume image, NDManager manager, IntConsumer windowsDone) {
        List<String> channels = description.channels();
        if (image.channels() != channels.size()) {
            throw new IllegalArgumentException("the model expects " + channels.size() + " channels ("
                    + String.join(", ", channels) + "), the input has " + image.channels());
        }
        return predictor.predict(image, manager, windowsDone);
    }

    /** Writes the label map as uint8 (int16 for labels above 255), in the input's geometry, atomically. */
    public void writeLabels(CasePredictor.Prediction prediction, Path file) throws IOException {
        boolean small = Arrays.stream(description.labels()).allMatch(label -> label >= 0 && label <= 255);
        NiftiWriter.of(small ? NiftiDataType.UINT8 : NiftiDataType.INT16).withDescription("voxseg labels")
                .write(prediction.labels(), file);
    }

    /** Writes the probabilities as a 4-D float32 image, one volume per output channel. */
    public void writeProbabilities(CasePredictor.Prediction prediction, Path file) throws IOException {
        NiftiWriter.of(NiftiDataType.FLOAT32).withDescription("voxseg probabilities " + String.join(" ",
                description.outputNames())).write(prediction.probabilities(), file);
    }

    private static void requireCompatible(TrainedModel first, TrainedModel other) {
        ModelDescription a = first.description();
        ModelDescription b = other.description();
        if (!a.channels().equals(b.channels()) || !Arrays.equals(a.labels(), b.labels())
                || a.labelHierarchy() != b.labelHierarchy()
                || !a.preprocessing().equals(b.preprocessing())) {
            throw new IllegalArgumentException(other.checkpoint() + " does not fit " + first.checkpoint()
                    + ": an ensemble needs the same channels, labels and preprocessing");
        }
    }
}
