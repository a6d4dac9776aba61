package org.voxseg.core.prediction;

/**
 * How overlapping sliding windows are blended (MONAI's {@code mode}): Gaussian weights that favour window centres,
 * or equal weights.
 */
public enum BlendMode {
    GAUSSIAN,
    CONSTANT
}
