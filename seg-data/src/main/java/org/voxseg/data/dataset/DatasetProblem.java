package org.voxseg.data.dataset;

import java.nio.file.Path;
import java.util.List;

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

    /** One line for a non-empty list of problems: the first, and how many more there are. */
    public static String summarise(List<DatasetProblem> problems) {
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "");
    }
}
