package org.voxseg.core.api;

import org.voxseg.core.training.TrainingListener;

/**
 * What a front end hears from a whole run: the preparation of its cases, then everything the {@link
 * org.voxseg.core.training.Trainer} reports. Every method has an empty default.
 */
public interface RunListener extends TrainingListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() { };

    /** Case {@code done} of {@code total} is loaded and preprocessed (or read from the cache). */
    default void casePrepared(String caseId, int done, int total) {
    }
}
