package org.voxseg.core.api;

import java.nio.file.Path;
import java.util.List;
import org.voxseg.core.config.ConfigException;
import org.voxseg.data.dataset.DatasetProblem;

/**
 * A dataset with problems, all of them: the message is one line (the first problem, how many there are and the file
 * that lists them all), and {@link #problems()} holds every one for front ends that show more.
 */
public final class DatasetProblemsException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /** The problems, in case order. */
    private final transient List<DatasetProblem> problems;

    /**
     * @param problems the problems, at least one
     * @param listing the file that lists them all
     */
    public DatasetProblemsException(List<DatasetProblem> problems, Path listing) {
        super(DatasetProblem.summarise(problems) + (problems.size() > 1 ? "; all of them are listed in " + listing
                : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in case order. */
    public List<DatasetProblem> problems() {
        return problems;
    }
}
