package org.voxseg.core.api;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.inference.NetworkPredictor;
import org.voxseg.core.inference.Precision;
import org.voxseg.core.inference.Predictor;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.training.CheckpointFile;

/**
 * A trained network loaded from a run folder (or one of its checkpoints) with its {@code model.json}. Holds native
 * memory: close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Path checkpoint;
    private final ModelDescription description;
    private final UNet3d network;
    private final NDManager manager;

    private TrainedModel(Path checkpoint, ModelDescription description, UNet3d network, NDManager manager) {
        this.checkpoint = checkpoint;
        this.description = description;
        this.network = network;
        this.manager = manager;
    }

    /**
     * Loads the best checkpoint of a run folder, or the checkpoint named.
     *
     * @throws IOException if the folder, checkpoint or model.json is missing, malformed or does not fit
     */
    public static TrainedModel load(Path runOrCheckpoint, NDManager parent) throws IOException {
        Path checkpoint = RunFolder.checkpoint(runOrCheckpoint);
        ModelDescription description = ModelDescription.read(RunFolder.modelDescription(checkpoint));
        NDManager manager = parent.newSubManager();
        try {
            UNet3d network = UNet3d.initialized(description.model(), manager, 1, description.patchSize());
            try {
                CheckpointFile.read(checkpoint).loadWeightsInto(network, manager);
            } catch (IOException e) {
                throw new IOException(checkpoint + ": " + e.getMessage(), e);
            }
            return new TrainedModel(checkpoint, description, network, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The checkpoint the weights came from. */
    public Path checkpoint() {
        return checkpoint;
    }

    public ModelDescription description() {
        return description;
    }

    /** The network with the trained weights. */
    public Block network() {
        return network;
    }

    /** The network as a predictor of probabilities, computing in float32. */
    public Predictor predictor() {
        return predictor(Precision.FP32);
    }

    /** The network as a predictor of probabilities, computing in {@code precision}. */
    public Predictor predictor(Precision precision) {
        return new NetworkPredictor(network, description.outputActivation(), precision);
    }

    @Override
    public void close() {
        manager.close();
    }
}
