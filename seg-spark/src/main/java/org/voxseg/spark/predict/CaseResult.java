package org.voxseg.spark.predict;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.voxseg.spark.job.CaseStatus;

/**
 * What a predict task reports for its case: a row of the results table.
 *
 * @param id the case
 * @param status ok, skipped or failed
 * @param message why it failed (one line), or null
 * @param seconds the task's time for this case, reading and writing included
 * @param executor where it ran ({@code host/executor-id})
 * @param voxels voxels of the background and of each model label, in the model's label order (empty when
 *     failed)
 */
public record CaseResult(String id, CaseStatus status, String message, double seconds, String executor,
        List<Long> voxels) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        voxels = List.copyOf(voxels);
    }
}
