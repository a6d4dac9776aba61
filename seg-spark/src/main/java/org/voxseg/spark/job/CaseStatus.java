package org.voxseg.spark.job;

import java.util.Locale;

/** What became of one case in a job: the {@code status} column of the results table. */
public enum CaseStatus {
    /** Done in this run. */
    OK,
    /** Its output was already there and readable (a re-run without {@code --overwrite}). */
    SKIPPED,
    /** Its input or its processing failed; the row says why. The job goes on with the other cases. */
    FAILED;

    /** The name in the table: {@code ok}, {@code skipped} or {@code failed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
