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
     * One buffer's shape and values. A class rather than a record: it carries the values as a bulk array, which a
     * record would compare by identity.
     */
    public static final class SavedBuffer {
        private final long[] shape;
        private final float[] values;

        /**
         * A buffer from copies of its shape and values.
         *
         * @param shape the buffer's shape (empty for a scalar)
         * @param values its values in row-major order
         */
        public SavedBuffer(long[] shape, float[] values) {
            this.shape = shape.clone();
            this.values = values.clone();
        }

        /** A copy of the buffer's shape (empty for a scalar). */
        public long[] shape() {
            return shape.clone();
        }

        /** A copy of its values in row-major order. */
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
