package org.voxseg.core.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.core.prediction.EnsemblePredictor;
import org.voxseg.core.prediction.MirroredPredictor;
import org.voxseg.core.prediction.NonFiniteOutputException;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.CaseShare;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.data.dataset.ReadAheadLoader;
import org.voxseg.data.volume.Volume;

/**
 * Predicts whole cases with one trained model or the mean of several (e.g. the folds of a cross-validation): the
 * models' preprocessing, sliding window, optional mirror TTA, inverse preprocessing, decoding to the dataset's label
 * values and postprocessing; writes label maps (and optionally probabilities) in the input's geometry, each through
 * a temporary file renamed into place. Owns its models' native memory: close it.
 */
public final class ModelPredictor implements AutoCloseable {

    private final List<TrainedModel> models;
    private final ModelDescription description;
    private final PredictionConfig settings;
    private final boolean probabilities;
    private final AppliedPostprocessing postprocessing;
    private final CasePredictor predictor;
    private final NDManager manager;

    private ModelPredictor(List<TrainedModel> models, PredictionOverrides overrides, NDManager manager) {
        this.models = List.copyOf(models);
        this.description = models.get(0).description();
        this.manager = manager;
        this.settings = overrides.applyTo(description.prediction());
        List<Predictor> members = new ArrayList<>();
        for (TrainedModel model : models) {
            models.get(0).requireEnsembleWith(model);
            if (model.description().imported()) {
                model.description().torchscript().requireFits(settings.roi());
            }
            members.add(model.predictor(overrides.precision(), settings.blend()));
        }
        this.probabilities = overrides.probabilities();
        boolean membersAgree = models.stream().map(model -> model.description().postprocessing()).distinct()
                .count() == 1;
        this.postprocessing = AppliedPostprocessing.of(description, settings, overrides.postprocessing(),
                membersAgree);
        Predictor combined = members.size() == 1 ? members.get(0) : new EnsemblePredictor(members);
        if (settings.tta()) {
            combined = new MirroredPredictor(combined, overrides.mirrorAxes().flips());
        }
        this.predictor = new CasePredictor(description.preprocessingSettings(), settings.slidingWindow(), combined,
                description.encoding(), postprocessing.postprocessing(),
                settings.blend().afterBlending(description.outputActivation()));
    }

    /**
     * Loads the models (run folders or checkpoints) into a scope of {@code parent}, for callers that manage their
     * own DJL memory; most use {@link Voxseg#predictor}.
     *
     * @throws IOException if a model is missing or malformed
     * @throws IllegalArgumentException if no model is given or the models do not agree
     */
    public static ModelPredictor load(List<Path> runsOrCheckpoints, PredictionOverrides overrides, NDManager parent)
            throws IOException {
        if (runsOrCheckpoints.isEmpty()) {
            throw new IllegalArgumentException("no model given");
        }
        Device device = device(runsOrCheckpoints.get(0), overrides);
        overrides.precision().requireSupportedOn(device);
        NDManager manager = parent.newSubManager(device);
        List<TrainedModel> loaded = new ArrayList<>();
        try {
            for (Path model : runsOrCheckpoints) {
                loaded.add(TrainedModel.load(model, manager));
            }
            return new ModelPredictor(loaded, overrides, manager);
        } catch (IOException | RuntimeException e) {
            loaded.forEach(TrainedModel::close);
            manager.close();
            throw e;
        }
    }

    /**
     * The device of a prediction: the one the overrides name, else the first model's {@code prediction.device}.
     *
     * @throws ConfigException naming where the device came from when libtorch does not see it
     */
    private static Device device(Path firstModel, PredictionOverrides overrides) throws IOException {
        DeviceRequest request = overrides.device();
        String origin = "device";
        if (request == null) {
            Path description = RunFolder.modelDescription(RunFolder.checkpoint(firstModel));
            request = ModelDescription.read(description).prediction().device();
            origin = description + ": prediction.device";
        }
        return Voxseg.device(request, origin);
    }

    /** The device the models and every window batch live on. */
    public Device device() {
        return manager.getDevice();
    }

    /** What the models expect and produce. */
    public ModelDescription description() {
        return description;
    }

    /** The prediction settings in use: the first model's with the overrides applied. */
    public PredictionConfig settings() {
        return settings;
    }

    /** The postprocessing applied to every label map, and where it comes from. */
    public AppliedPostprocessing postprocessing() {
        return postprocessing;
    }

    /** Predicts one case (all channels, on its original grid). */
    public CasePredictor.Prediction predict(Volume image) {
        return predict(image, done -> { });
    }

    /**
     * Predicts one case (all channels, on its original grid), reporting windows done.
     *
     * @throws IllegalArgumentException if the image has another number of channels than the model expects, or
     *         another orientation than an imported model requires
     */
    public CasePredictor.Prediction predict(Volume image, IntConsumer windowsDone) {
        List<String> channels = description.channels();
        if (image.channels() != channels.size()) {
            throw new IllegalArgumentException("the model expects " + channels.size() + " channels ("
                    + String.join(", ", channels) + "), the input has " + image.channels());
        }
        if (description.imported()) {
            description.torchscript().requireOrientation(image.geometry());
        }
        return predictor.predict(image, manager, windowsDone);
    }

    /**
     * Predicts the case whose channel files {@code entry} names and writes its label map to {@code output} (and its
     * probabilities beside it when asked for).
     */
    public void predictFile(CaseFiles entry, Path output, IntConsumer windowsDone) throws IOException {
        PredictionFiles.requireNoInputOverwritten(List.of(entry), List.of(output), probabilities);
        predictInto(CaseLoader.load(entry).image(), output, windowsDone);
    }

    /** Predicts a loaded case into {@code output}, whose name and place the caller has checked. */
    private void predictInto(Volume image, Path output, IntConsumer windowsDone) throws IOException {
        CasePredictor.Prediction prediction = predict(image, windowsDone);
        writeLabels(prediction, output);
        if (probabilities) {
            writeProbabilities(prediction, PredictionFiles.probabilitiesFile(output));
        }
    }

    /** As {@link #predictFile(CaseFiles, Path, IntConsumer)}, without progress reports. */
    public void predictFile(CaseFiles entry, Path output) throws IOException {
        predictFile(entry, output, done -> { });
    }

    /**
     * Predicts every case of {@code inputs} (a BraTS case folder, a folder of case folders, or the channel files of
     * one case in the model's channel order): into {@code output} itself when it names a .nii.gz file and there is
     * one case, else into {@code <output>/<case>.nii.gz}. Every input is checked before anything is written; the
     * temporary files killed predictions left there are removed; the next case is read while the current one is
     * predicted.
     *
     * @return the label maps written, in case order
     * @throws IOException naming the first input that is missing, unreadable or does not fit the model
     */
    public List<Path> predictAll(List<Path> inputs, Path output, PredictionListener listener) throws IOException {
        return predictAll(inputs, output, listener, CaseShare.ALL);
    }

    /**
     * As {@link #predictAll(List, Path, PredictionListener)} for the cases of {@code share} only (every input is
     * still checked), so that several jobs or devices together predict every case once.
     */
    public List<Path> predictAll(List<Path> inputs, Path output, PredictionListener listener, CaseShare share)
            throws IOException {
        List<CaseFiles> all = CaseInputs.resolveChecked(inputs, description.channels(), description.labelArray());
        // Whether the output is one file depends on all the cases, not on this share of them.
        boolean single = all.size() == 1 && NiftiFiles.stem(output).isPresent();
        List<CaseFiles> cases = share.select(all);
        List<Path> targets = PredictionFiles.targets(cases, output, single);
        PredictionFiles.requireNoInputOverwritten(cases, targets, probabilities);
        PredictionFiles.prepareOutput(output, single);
        List<Path> written = new ArrayList<>();
        try (ReadAheadLoader loader = new ReadAheadLoader(cases)) {
            for (CaseFiles entry : cases) {
                Path target = targets.get(written.size());
                listener.caseStarted(entry.id(), written.size() + 1, cases.size());
                try {
                    predictInto(loader.next().image(), target, listener::windowsDone);
                } catch (NonFiniteOutputException e) {
                    throw new IOException(entry.id() + ": " + e.getMessage() + " (" + written.size() + " case(s) "
                            + "written before it)", e);
                }
                listener.caseWritten(entry.id(), target);
                written.add(target);
            }
        }
        return written;
    }

    /** Writes the label map as uint8 (int16 for labels above 255), in the input's geometry, atomically. */
    public void writeLabels(CasePredictor.Prediction prediction, Path file) throws IOException {
        PredictionFiles.writeLabels(prediction, description.labelArray(), file);
    }

    /** Writes the probabilities as a 4-D float32 image, one volume per output channel, atomically. */
    public void writeProbabilities(CasePredictor.Prediction prediction, Path file) throws IOException {
        PredictionFiles.writeProbabilities(prediction, description.outputNames(), file);
    }

    @Override
    public void close() {
        try {
            models.forEach(TrainedModel::close);
        } finally {
            manager.close();
        }
    }
}
