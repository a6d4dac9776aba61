package org.voxseg.core.api;

import org.voxseg.core.training.TrainingListener;

/**
 * What a front end hears from a whole run: the preparation of its cases, everything the {@link
 * org.voxseg.core.training.Trainer} reports, and the whole-case validations. Every method has an empty default.
 */
public interface RunListener extends TrainingListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() { };

    /** Case {@code done} of {@code total} is loaded and preprocessed (or read from the cache). */
    default void casePrepared(String caseId, int done, int total) {
    }

    /** Case {@code done} of {@code total} of a whole-case validation is predicted, written and scored. */
    default void caseValidated(String caseId, int done, int total) {
    }
}
