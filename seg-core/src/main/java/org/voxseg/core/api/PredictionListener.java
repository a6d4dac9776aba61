package org.voxseg.core.api;

import java.nio.file.Path;

/** What a front end hears while a {@link ModelPredictor} works through cases. Every method has an empty default. */
public interface PredictionListener {

    /** A listener that ignores everything. */
    PredictionListener NONE = new PredictionListener() { };

    /** Case {@code index} (from 1) of {@code total} starts. */
    default void caseStarted(String caseId, int index, int total) {
    }

    /** The current case's sliding window has predicted {@code windows} windows. */
    default void windowsDone(int windows) {
    }

    /** The current case's label map is written to {@code file}. */
    default void caseWritten(String caseId, Path file) {
    }
}
