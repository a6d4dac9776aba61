package org.voxseg.core.schedule;

/** When the training loop steps a learning-rate schedule: after every epoch or after every optimiser step. */
public enum SchedulePeriod {
    /** After every epoch, with the epoch's validation metric. */
    EPOCH,
    /** After every optimiser step. */
    ITERATION
}
