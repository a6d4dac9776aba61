package org.voxseg.data.dataset;

import java.nio.file.Path;

/**
 * One thing wrong with a dataset, found before training starts.
 *
 * @param caseId the case at fault
 * @param file the file at fault
 * @param message what is wrong, in a phrase
 */
public record DatasetProblem(String caseId, Path file, String message) {

    /** "case: file: message", one line. */
    @Override
    public String toString() {
        return caseId + ": " + file + ": " + message;
    }
}
