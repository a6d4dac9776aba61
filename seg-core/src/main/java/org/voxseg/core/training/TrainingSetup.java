package org.voxseg.core.training;

import ai.djl.ndarray.NDManager;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.loss.SegmentationLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.data.geometry.Extent;

/**
 * A freshly initialised U-Net with its optimiser and {@link TrainingStep}, in a native scope of their own: the
 * wiring that training runs, the LR range test and the benchmarks share. The network's initial weights are a
 * function of the seed. Close it to free the network and the optimiser's state.
 */
public final class TrainingSetup implements AutoCloseable {

    private final NDManager manager;
    private final UNet3d network;
    private final Optimizer optimizer;
    private final TrainingStep step;

    private TrainingSetup(NDManager manager, UNet3d network, Optimizer optimizer, TrainingStep step) {
        this.manager = manager;
        this.network = network;
        this.optimizer = optimizer;
        this.step = step;
    }

    /**
     * Builds and initialises {@code architecture}, training in {@code precision}, for batches of {@code batchSize}
     * patches of {@code patch} voxels along (x, y, z), seeded with {@code seed}, with {@code loss} (deep-supervised
     * when the network has extra outputs) and the optimiser {@code optimizer} describes. Float16 training scales its
     * loss ({@link LossScaler}, GradScaler's defaults).
     */
    public static TrainingSetup create(NetworkConfig architecture, Precision precision, int batchSize, Extent patch,
            SegmentationLoss loss, OptimizerConfig optimizer, long seed, NDManager parent) {
        NDManager manager = parent.newSubManager();
        try {
            TorchRuntime.seed(seed);
            UNet3d network = UNet3d.initialized(architecture, precision, manager, batchSize, patch);
            Optimizer updates = optimizer.build(manager);
            TrainingStep step = new TrainingStep(network, new DeepSupervisionLoss(loss, architecture.trainingOutputs()),
                    updates, optimizer.clipGradNorm(), manager);
            if (precision == Precision.FP16) {
                step = step.scaledBy(new LossScaler(LossScaler.DEFAULTS));
            }
            return new TrainingSetup(manager, network, updates, step);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The network being trained. */
    public UNet3d network() {
        return network;
    }

    /** The optimiser, whose state checkpoints keep. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The step that trains the network on a batch. */
    public TrainingStep step() {
        return step;
    }

    /** The scope the network and optimiser live in. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        try {
            optimizer.close();
        } finally {
            manager.close();
        }
    }
}
