package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;

/**
 * Turns a batch of image windows (N, C, z, y, x) into per-voxel outputs (N, O, z, y, x) of the same spatial size,
 * probabilities for the networks voxseg trains. Implementations compose: a network, its mirrored versions (test-time
 * augmentation), several networks (an ensemble of folds).
 */
@FunctionalInterface
public interface Predictor {

    /**
     * The outputs for {@code windows}: a new array, never {@code windows} itself (ensembles and mirroring add into
     * it in place). Temporaries may be left in {@code windows}' manager.
     */
    NDArray predict(NDArray windows);
}
