package org.voxseg.core.prediction;

/**
 * A network whose outputs for a case hold NaN or infinity: decoded, they would give a label map of background that
 * looks like an answer, so the case gets none.
 */
public final class NonFiniteOutputException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param count how many output values are not finite, of {@code total} */
    public NonFiniteOutputException(long count, long total) {
        super("the network's outputs hold NaN or infinity (" + count + " of " + total + " values); the model is "
                + "broken for this input, so no label map was written");
    }
}
