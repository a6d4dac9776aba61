package org.voxseg.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import java.util.Optional;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DeepSupervisionLoss;
import org.voxseg.core.optim.GradientClipping;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.data.sampling.Batch;

/**
 * One optimiser step on a batch: forward in training mode, the (deep-supervised) loss, backward, gradient clipping
 * if configured, update. With a {@link LossScaler} (float16 training) the loss is scaled before backward, the
 * gradients unscaled after it, and a step whose gradients are not finite is skipped. The training loop, the LR range
 * test and the benchmarks run this same step, so what is timed is what trains.
 */
public final class TrainingStep {

    private final Block network;
    private final DeepSupervisionLoss loss;
    private final Optimizer optimizer;
    private final double clipGradNorm;
    private final NDManager manager;
    private final ParameterStore store;
    private final LossScaler lossScaler;

    /**
     * @param clipGradNorm the largest joint gradient norm, or NaN for no clipping
     * @param manager the manager of the parameter store; each batch is uploaded into a sub-manager of it
     */
    public TrainingStep(Block network, DeepSupervisionLoss loss, Optimizer optimizer, double clipGradNorm,
            NDManager manager) {
        this(network, loss, optimizer, clipGradNorm, manager, null);
    }

    private TrainingStep(Block network, DeepSupervisionLoss loss, Optimizer optimizer, double clipGradNorm,
            NDManager manager, LossScaler lossScaler) {
        this.lossScaler = lossScaler;
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.clipGradNorm = clipGradNorm;
        this.manager = Objects.requireNonNull(manager, "manager");
        this.store = new ParameterStore(manager, false);
    }

    /** This step with its loss scaled by {@code scaler}, as float16 training needs. */
    public TrainingStep scaledBy(LossScaler scaler) {
        return new TrainingStep(network, loss, optimizer, clipGradNorm, manager, Objects.requireNonNull(scaler,
                "scaler"));
    }

    /** The network this step trains. */
    public Block network() {
        return network;
    }

    /** The optimiser that updates it. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss scaler, if this step scales its loss. */
    public Optional<LossScaler> lossScaler() {
        return Optional.ofNullable(lossScaler);
    }

    /** The steps the loss scaler has skipped so far for infinite or NaN gradients (0 without one). */
    public long skippedSteps() {
        return lossScaler == null ? 0 : lossScaler.state().skippedSteps();
    }

    /**
     * Uploads {@code batch} into a scope of its own, trains on it at learning rate {@code rate} and frees it.
     *
     * @return the batch's loss before the update
     * @throws TrainingDivergedException if the loss is not finite; the parameters are then left untouched
     */
    public double run(Batch batch, double rate) {
        try (NDManager scope = manager.newSubManager()) {
            return run(scope.create(batch.images(), new Shape(batch.imageTensorShape())),
                    scope.create(batch.targets(), new Shape(batch.targetTensorShape())), rate);
        }
    }

    /**
     * Trains on {@code images} and {@code targets} (N, C, z, y, x) at learning rate {@code rate}.
     *
     * @return the batch's loss before the update (also when a loss scaler skipped the update)
     * @throws TrainingDivergedException if the loss is not finite; the parameters are then left untouched
     */
    public double run(NDArray images, NDArray targets, double rate) {
        double value;
        TorchRuntime.disableGradients(); // so the update below runs without autograd on any thread
        try (GradientCollector collector = TorchRuntime.gradientCollector()) {
            NDArray total = loss.evaluate(network.forward(store, new NDList(images), true), targets);
            value = total.getFloat();
            if (!Double.isFinite(value)) {
                throw new TrainingDivergedException(-1, value);
            }
            collector.backward(lossScaler == null ? total : lossScaler.scaled(total));
        }
        if (lossScaler != null && !lossScaler.update(lossScaler.unscale(network.getParameters()))) {
            return value;
        }
        if (!Double.isNaN(clipGradNorm)) {
            GradientClipping.clipByNorm(network.getParameters(), clipGradNorm);
        }
        optimizer.step(network.getParameters(), rate);
        return value;
    }
}
