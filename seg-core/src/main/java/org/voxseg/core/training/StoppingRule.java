package org.voxseg.core.training;



/**
 * A rule the {@link Trainer} consults after every epoch: should the run stop here? Rules are functions of the
 * history, which checkpoints keep, so a resumed run stops exactly where an uninterrupted one would.
 */
@FunctionalInterface
public interface StoppingRule {

    /** Whether to stop after the newest epoch of {@code history}. */
    boolean shouldStop(TrainingHistory history);

    /** Why the rule stops a run, for the note the trainer sends its listeners. */
    default String reason() {
        return "a stopping rule said so";
    }
}
