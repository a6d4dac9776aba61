package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.TorchScriptModel;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchScriptFile;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.core.prediction.TorchScriptPredictor;
import org.voxseg.core.training.CheckpointFile;

/**
 * A network with its {@code model.json}, loaded from a run folder or one of its checkpoints: one voxseg trained, or
 * a TorchScript model imported into a run folder ({@code model.ts}). Holds native memory: close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Path checkpoint;
    private final ModelDescription description;
    private final Block network;
    private final NDManager manager;

    private TrainedModel(Path checkpoint, ModelDescription description, Block network, NDManager manager) {
        this.checkpoint = checkpoint;
        this.description = description;
        this.network = network;
        this.manager = manager;
    }

    /**
     * Loads the best checkpoint of a run folder, or the checkpoint named, or an imported run folder's
     * TorchScript model.
     *
     * @throws IOException if the folder, checkpoint or model.json is missing, malformed or does not fit
     */
    public static TrainedModel load(Path runOrCheckpoint, NDManager parent) throws IOException {
        Path checkpoint = RunFolder.checkpoint(runOrCheckpoint);
        ModelDescription description = ModelDescription.read(RunFolder.modelDescription(checkpoint));
        NDManager manager = parent.newSubManager();
        try {
            Block network = description.imported() ? importedNetwork(checkpoint, manager)
                    : trainedNetwork(checkpoint, description, manager);
            return new TrainedModel(checkpoint, description, network, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Block trainedNetwork(Path checkpoint, ModelDescription description, NDManager manager)
            throws IOException {
        UNet3d network = UNet3d.initialized(description.model(), manager, 1, description.patchSize());
        try {
            CheckpointFile.read(checkpoint).loadWeightsInto(network, manager);
        } catch (IOException e) {
            throw new IOException(checkpoint + ": " + e.getMessage(), e);
        }
        return network;
    }

    private static Block importedNetwork(Path file, NDManager manager) throws IOException {
        if (!file.getFileName().toString().equals(TorchScriptModel.FILE)) {
            throw new IOException(file + ": model.json describes an imported TorchScript model; give its run folder"
                    + " (with " + TorchScriptModel.FILE + ")");
        }
        return TorchScriptFile.load(file, manager);
    }

    /** The checkpoint (or TorchScript file) the weights came from. */
    public Path checkpoint() {
        return checkpoint;
    }

    public ModelDescription description() {
        return description;
    }

    /**
     * The network voxseg trained, with its weights.
     *
     * @throws IllegalArgumentException for an imported model, which voxseg runs but cannot train or export
     */
    public UNet3d network() {
        if (!(network instanceof UNet3d trained)) {
            throw new IllegalArgumentException(checkpoint + " is an imported TorchScript model; only networks voxseg "
                    + "trained can be fine-tuned or exported");
        }
        return trained;
    }

    /**
     * The network as a predictor computing in {@code precision}, giving probabilities or, to be blended first, its
     * raw outputs.
     *
     * @throws IllegalArgumentException for a precision other than float32 with an imported model
     */
    public Predictor predictor(Precision precision, BlendedValues blend) {
        OutputActivation activation = blend.perWindow(description.outputActivation());
        TorchScriptModel imported = description.torchscript();
        if (imported == null) {
            return NetworkPredictor.frozen(network(), activation, precision);
        }
        if (precision != Precision.FP32) {
            throw new IllegalArgumentException("precision " + precision + " is for networks voxseg trained; "
                    + checkpoint + " is an imported TorchScript model, run as saved");
        }
        return new TorchScriptPredictor(network, imported.axes(),
                imported.outputChannels().stream().mapToInt(Integer::intValue).toArray(), activation);
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * Refuses to average this model with {@code other} unless both take the same channels and preprocessing and give
     * the same labels through the same activation.
     */
    void requireEnsembleWith(TrainedModel other) {
        ModelDescription a = description();
        ModelDescription b = other.description();
        if (!a.channels().equals(b.channels()) || !a.labels().equals(b.labels())
                || a.labelHierarchy() != b.labelHierarchy() || a.outputActivation() != b.outputActivation()
                || !a.preprocessing().equals(b.preprocessing())) {
            throw new IllegalArgumentException(other.checkpoint() + " does not fit " + checkpoint()
                    + ": an ensemble needs the same channels, labels, activation and preprocessing");
        }
    }
}
