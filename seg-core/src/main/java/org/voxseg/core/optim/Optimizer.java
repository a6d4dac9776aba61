package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A first-order optimiser written on NDArrays, so that its state (per-parameter buffers and step counts) can be
 * saved and restored exactly, which DJL's built-in optimisers do not expose. Frozen parameters (no gradient) are
 * skipped and keep their state. The optimiser owns the native memory of its buffers: close it when done.
 */
public abstract class Optimizer implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, Long> steps = new HashMap<>();

    protected Optimizer(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /**
     * Applies one update with learning rate {@code rate} to every parameter that has a gradient, then zeroes the
     * gradients. Runs outside gradient recording; temporaries are freed before returning.
     */
    public final void step(PairList<String, Parameter> parameters, double rate) {
        for (Pair<String, Parameter> entry : parameters) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            NDArray gradient = weight.getGradient();
            long step = steps.merge(entry.getKey(), 1L, Long::sum);
            try (NDManager scope = manager.newSubManager()) {
                scope.tempAttachAll(weight, gradient);
                update(entry.getKey(), weight, gradient, step, rate, scope);
            }
            gradient.subi(gradient);
        }
    }

    /**
     * Updates {@code weight} in place.
     *
     * @param name the parameter's name, for {@link #buffer}
     * @param step this parameter's update count, from 1
     * @param scope the manager temporaries belong to (weight and gradient are attached to it for the call)
     */
    protected abstract void update(String name, NDArray weight, NDArray gradient, long step, double rate,
            NDManager scope);

    /**
     * The buffer {@code kind} of parameter {@code name}, created as zeros shaped like {@code like} on first use. The
     * buffer is attached to {@code scope} for the call, so in-place updates stay in the optimiser's memory.
     */
    protected final NDArray buffer(String kind, String name, NDArray like, NDManager scope) {
        NDArray buffer = buffers.computeIfAbsent(kind + "/" + name, key -> manager.zeros(like.getShape(),
                like.getDataType()));
        scope.tempAttachAll(buffer);
        return buffer;
    }

    /** Whether buffer {@code kind} of parameter {@code name} exists yet. */
    protected final boolean hasBuffer(String kind, String name) {
        return buffers.containsKey(kind + "/" + name);
    }

    /** A copy of the state: step counts and buffer values. */
    public final OptimizerState state() {
        Map<String, float[]> values = new LinkedHashMap<>();
        buffers.forEach((name, array) -> values.put(name, array.toFloatArray()));
        return new OptimizerState(steps, values);
    }

    /**
     * Continues from {@code state}, replacing the current state.
     *
     * @throws IllegalArgumentException if a buffer's size does not match its parameter
     */
    public final void restore(OptimizerState state, PairList<String, Parameter> parameters) {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        steps.clear();
        steps.putAll(state.steps());
        for (Map.Entry<String, float[]> entry : state.buffers().entrySet()) {
            String parameterName = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
            Parameter parameter = parameters.get(parameterName);
            if (parameter == null || parameter.getArray().size() != entry.getValue().length) {
                throw new IllegalArgumentException("optimiser state " + entry.getKey() + " does not fit the model");
            }
            buffers.put(entry.getKey(), manager.create(entry.getValue(), parameter.getArray().getShape()));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
