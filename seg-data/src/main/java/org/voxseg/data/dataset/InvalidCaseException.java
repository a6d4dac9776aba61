package org.voxseg.data.dataset;

import java.io.IOException;
import java.util.List;

/**
 * A case whose files were read but whose values are unusable (NaN, an empty channel, unknown labels): it carries
 * every problem found, so that a caller preparing many cases can report them all at once.
 */
public final class InvalidCaseException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Every problem found; never empty. Transient: a problem's path does not serialise. */
    private final transient List<DatasetProblem> problems;

    /** @param problems the problems, at least one */
    public InvalidCaseException(List<DatasetProblem> problems) {
        super(DatasetProblem.summarise(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem of the case, in file order. */
    public List<DatasetProblem> problems() {
        return problems;
    }
}
