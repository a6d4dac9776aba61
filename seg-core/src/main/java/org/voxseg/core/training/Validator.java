package org.voxseg.core.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/** Scores a network on a run's validation data after an epoch. */
public interface Validator {

    /** The number of validation batches, for progress reports. */
    int batches();

    /**
     * The scores of {@code network} in inference mode.
     *
     * @param manager the scope for the arrays the validation needs; they are freed before this returns
     */
    ValidationScores score(Block network, NDManager manager);
}
