package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A first-order optimiser written on NDArrays, so that its state (per-parameter buffers and step counts) can be
 * saved and restored exactly, which DJL's built-in optimisers do not expose. Frozen parameters (no gradient) are
 * skipped and keep their state; parameter groups give parts of the network their own rate and weight decay. The
 * optimiser owns the native memory of its buffers: close it when done.
 */
public abstract class Optimizer implements AutoCloseable {

    private final NDManager manager;
    private final UpdatePlan plan;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, Long> steps = new HashMap<>();

    protected Optimizer(NDManager parent, UpdatePlan plan) {
        this.manager = parent.newSubManager();
        this.plan = plan;
    }

    /**
     * Applies one update to every parameter that has a gradient, with the schedule's current rate
     * {@code scheduledRate} (scaled per parameter group), then zeroes the gradients. Runs outside gradient
     * recording; temporaries are freed before returning.
     */
    public final void step(PairList<String, Parameter> parameters, double scheduledRate) {
        for (Pair<String, Parameter> entry : parameters) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            String name = entry.getKey();
            NDArray weight = parameter.getArray();
            NDArray gradient = weight.getGradient();
            long step = steps.merge(name, 1L, Long::sum);
            Hyper hyper = plan.hyper(name, step, scheduledRate);
            try (NDManager scope = manager.newSubManager()) {
                scope.tempAttachAll(weight, gradient);
                update(name, weight, gradient, hyper, scope);
            }
            gradient.subi(gradient);
        }
    }

    /**
     * The per-update hyper-parameters of one parameter.
     *
     * @param step this parameter's update count, from 1
     * @param rate its learning rate now
     * @param weightDecay its weight decay
     */
    protected record Hyper(long step, double rate, double weightDecay) {
    }

    /**
     * Updates {@code weight} in place.
     *
     * @param name the parameter's name, for {@link #buffer}
     * @param scope the manager temporaries belong to (weight and gradient are attached to it for the call)
     */
    protected abstract void update(String name, NDArray weight, NDArray gradient, Hyper hyper, NDManager scope);

    /**
     * The buffer {@code kind} of parameter {@code name}, created as zeros of {@code shape} on first use. The buffer
     * is attached to {@code scope} for the call, so in-place updates stay in the optimiser's memory.
     */
    protected final NDArray buffer(String kind, String name, Shape shape, NDManager scope) {
        NDArray buffer = buffers.computeIfAbsent(kind + "/" + name, key -> manager.zeros(shape));
        scope.tempAttachAll(buffer);
        return buffer;
    }

    /** Whether buffer {@code kind} of parameter {@code name} exists yet. */
    protected final boolean hasBuffer(String kind, String name) {
        return buffers.containsKey(kind + "/" + name);
    }

    /** A copy of the state: step counts and buffers. */
    public final OptimizerState state() {
        Map<String, OptimizerState.SavedBuffer> saved = new LinkedHashMap<>();
        buffers.forEach((name, array) -> saved.put(name, new OptimizerState.SavedBuffer(array.getShape().getShape(),
                array.toFloatArray())));
        return new OptimizerState(steps, saved);
    }

    /**
     * Continues from {@code state}, replacing the current state.
     *
     * @throws IllegalArgumentException if a buffer belongs to no parameter of {@code parameters}
     */
    public final void restore(OptimizerState state, PairList<String, Parameter> parameters) {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        steps.clear();
        steps.putAll(state.steps());
        for (Map.Entry<String, OptimizerState.SavedBuffer> entry : state.buffers().entrySet()) {
            String parameterName = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
            if (parameters.get(parameterName) == null) {
                throw new IllegalArgumentException("optimiser state " + entry.getKey() + " belongs to no parameter");
            }
            OptimizerState.SavedBuffer buffer = entry.getValue();
            buffers.put(entry.getKey(), manager.create(buffer.values(), new Shape(buffer.shape())));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
