package org.voxseg.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimiser's state, saved in checkpoints: the update count of each parameter and its buffers (moments, momentum)
 * as float32 values, so that a restored optimiser continues bit for bit.
 *
 * @param steps updates applied, by parameter name
 * @param buffers buffer values, by "buffer/parameter" name
 */
public record OptimizerState(Map<String, Long> steps, Map<String, float[]> buffers) {

    public OptimizerState {
        steps = Map.copyOf(steps);
        Map<String, float[]> copy = new LinkedHashMap<>();
        buffers.forEach((name, values) -> copy.put(name, values.clone()));
        buffers = Map.copyOf(copy);
    }

    /** A copy of one buffer's values, or null if the state has none of that name. */
    public float[] buffer(String name) {
        float[] values = buffers.get(name);
        return values == null ? null : values.clone();
    }
}
