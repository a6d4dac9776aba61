package org.voxseg.core.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerState;
import org.voxseg.core.schedule.LearningRateSchedule;

/**
 * Everything a training run needs to continue as if it had never stopped: the network's parameters, the
 * optimiser's state, the schedule's state, the position (epoch and step; batches and augmentation are functions of
 * the seed and the step), the best monitored value and the histories behind the training log. Immutable; written
 * and read by {@link CheckpointFile}. A class rather than a record: it carries the parameters as a bulk byte array,
 * which a record would compare by identity.
 */
public final class Checkpoint {

    private final int epoch;
    private final long step;
    private final double bestMetric;
    private final int bestEpoch;
    private final Map<String, List<Double>> history;
    private final Map<String, Double> scheduleState;
    private final OptimizerState optimizerState;
    private final Map<String, List<Long>> parameterShapes;
    private final byte[] parameters;
    private final Optional<LossScaler.State> lossScaling;

    /**
     * A checkpoint of a run that does not scale its loss.
     *
     * @param epoch epochs completed
     * @param step optimiser steps completed (the next batch's index)
     * @param bestMetric the best monitored value so far (NaN before the first validation)
     * @param bestEpoch the epoch that reached it (0 before; -1 in files written by earlier versions)
     * @param history per-epoch series by name (e.g. train_loss, val_loss, lr, dice_WT)
     * @param scheduleState the schedule's state
     * @param optimizerState the optimiser's state
     * @param parameterShapes each parameter's shape, checked before loading (DJL would load any shape)
     * @param parameters the network's parameters in DJL's format
     */
    public Checkpoint(int epoch, long step, double bestMetric, int bestEpoch, Map<String, List<Double>> history,
            Map<String, Double> scheduleState, OptimizerState optimizerState, Map<String, List<Long>> parameterShapes,
            byte[] parameters) {
        this(epoch, step, bestMetric, bestEpoch, history, scheduleState, optimizerState, parameterShapes, parameters,
                Optional.empty());
    }

    /** A checkpoint with the loss scaler's state, for a run that scales its loss (float16). */
    public Checkpoint(int epoch, long step, double bestMetric, int bestEpoch, Map<String, List<Double>> history,
            Map<String, Double> scheduleState, OptimizerState optimizerState, Map<String, List<Long>> parameterShapes,
            byte[] parameters, Optional<LossScaler.State> lossScaling) {
        this.epoch = epoch;
        this.step = step;
        this.bestMetric = bestMetric;
        this.bestEpoch = bestEpoch;
        Map<String, List<Double>> historyCopy = new LinkedHashMap<>();
        history.forEach((name, values) -> historyCopy.put(name, List.copyOf(values)));
        this.history = Collections.unmodifiableMap(historyCopy);
        this.scheduleState = Map.copyOf(scheduleState);
        this.optimizerState = optimizerState;
        Map<String, List<Long>> shapesCopy = new LinkedHashMap<>();
        parameterShapes.forEach((name, shape) -> shapesCopy.put(name, List.copyOf(shape)));
        this.parameterShapes = Collections.unmodifiableMap(shapesCopy);
        this.parameters = parameters.clone();
        this.lossScaling = lossScaling;
    }

    /** The state of a run now: its network, optimiser and schedule, and where it stands. */
    public static Checkpoint capture(Block network, Optimizer optimizer, LearningRateSchedule schedule,
            TrainingState state) throws IOException {
        return capture(network, optimizer, schedule, state.epoch(), state.step(), state.bestDice(), state.bestEpoch(),
                state.history().toSeries());
    }

    /** The state of a run now, with its position and histories given field by field. */
    static Checkpoint capture(Block network, Optimizer optimizer, LearningRateSchedule schedule, int epoch,
            long step, double bestMetric, int bestEpoch, Map<String, List<Double>> history) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        }
        return new Checkpoint(epoch, step, bestMetric, bestEpoch, history, schedule.state(), optimizer.state(),
                shapes(network), bytes.toByteArray());
    }

    /** This checkpoint with the loss scaler's state. */
    public Checkpoint withLossScaling(LossScaler.State state) {
        return new Checkpoint(epoch, step, bestMetric, bestEpoch, history, scheduleState, optimizerState,
                parameterShapes, parameters, Optional.of(state));
    }

    /**
     * Where the run stood, for a network with these output names.
     *
     * @throws IOException if the history does not fit the outputs (a checkpoint of another dataset)
     */
    public TrainingState state(List<String> outputs) throws IOException {
        try {
            // Checkpoints written before any validation mark the best epoch -1.
            return new TrainingState(epoch, step, TrainingHistory.fromSeries(history, outputs), Math.max(0, bestEpoch));
        } catch (IllegalArgumentException e) {
            throw new IOException("the checkpoint's history does not fit outputs " + outputs + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Puts this state into a network built from the same configuration, and its optimiser and schedule.
     *
     * @throws IOException if the parameters do not fit the network (a different architecture); the network is then
     *     left as it was
     */
    public void restoreInto(Block network, NDManager manager, Optimizer optimizer, LearningRateSchedule schedule)
            throws IOException {
        loadWeightsInto(network, manager);
        optimizer.restore(optimizerState, network.getParameters());
        schedule.restore(scheduleState);
    }

    /**
     * Puts only the parameters into a network built from the same configuration (for inference or fine-tuning);
     * trainable parameters record gradients again.
     *
     * @throws IOException if the parameters do not fit the network; the network is then left as it was
     */
    public void loadWeightsInto(Block network, NDManager manager) throws IOException {
        checkShapes(network);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            network.loadParameters(manager, in);
        } catch (MalformedModelException | IllegalArgumentException e) {
            throw new IOException("the checkpoint's parameters do not fit this network: " + e.getMessage(), e);
        }
        // Loaded arrays are new and do not record gradients: trainable parameters must again.
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    private void checkShapes(Block network) throws IOException {
        Map<String, List<Long>> expected = shapes(network);
        if (!expected.keySet().equals(parameterShapes.keySet())) {
            throw new IOException("the checkpoint's parameters do not fit this network: it has "
                    + parameterShapes.size() + " parameters, the network " + expected.size());
        }
        for (Map.Entry<String, List<Long>> entry : expected.entrySet()) {
            List<Long> saved = parameterShapes.get(entry.getKey());
            if (!entry.getValue().equals(saved)) {
                throw new IOException("the checkpoint's parameters do not fit this network: " + entry.getKey()
                        + " is " + saved + " in the checkpoint, " + entry.getValue() + " in the network");
            }
        }
    }

    /** Each parameter's shape, in the network's order. */
    private static Map<String, List<Long>> shapes(Block network) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            shapes.put(p.getKey(), Arrays.stream(p.getValue().getArray().getShape().getShape()).boxed().toList());
        }
        return shapes;
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    /** Optimiser steps completed (the next batch's index). */
    public long step() {
        return step;
    }

    /** The best monitored value so far (NaN before the first validation). */
    public double bestMetric() {
        return bestMetric;
    }

    /** The epoch that reached the best value (0 before; -1 in files written by earlier versions). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Per-epoch series by name (e.g. train_loss, val_loss, lr, dice_WT). */
    public Map<String, List<Double>> history() {
        return history;
    }

    /** The schedule's state. */
    public Map<String, Double> scheduleState() {
        return scheduleState;
    }

    /** The optimiser's state. */
    public OptimizerState optimizerState() {
        return optimizerState;
    }

    /** Each parameter's shape, checked before loading (DJL would load any shape). */
    public Map<String, List<Long>> parameterShapes() {
        return parameterShapes;
    }

    /** A copy of the network's parameters in DJL's format. */
    public byte[] parameters() {
        return parameters.clone();
    }

    /** The loss scaler's state, for a run that scales its loss (float16). */
    public Optional<LossScaler.State> lossScaling() {
        return lossScaling;
    }
}
