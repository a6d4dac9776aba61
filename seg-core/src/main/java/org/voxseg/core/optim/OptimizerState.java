package org.voxseg.core.optim;

import java.util.Map;

/**
 * An optimiser's state, saved in checkpoints: the update count of each parameter and its buffers (moments, momentum)
 * as float32 values with their shapes, so that a restored optimiser continues bit for bit.
 *
 * @param steps updates applied, by parameter name
 * @param buffers buffers by "kind/parameter" name
 */
public record OptimizerState(Map<String, Long> steps, Map<String, SavedBuffer> buffers) {

    /**
     * One buffer's shape and values.
     *
     * @param shape the buffer's shape (empty for a scalar)
     * @param values its values in row-major order
     */
    public record SavedBuffer(long[] shape, float[] values) {
        public SavedBuffer {
            shape = shape.clone();
            values = values.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }
    }

    public OptimizerState {
        steps = Map.copyOf(steps);
        buffers = Map.copyOf(buffers);
    }

    /** A copy of one buffer's values, or null if the state has none of that name. */
    public float[] buffer(String name) {
        SavedBuffer buffer = buffers.get(name);
        return buffer == null ? null : buffer.values();
    }
}
