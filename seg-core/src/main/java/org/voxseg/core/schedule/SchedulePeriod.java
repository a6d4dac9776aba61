package org.voxseg.core.schedule;

/** When the training loop steps a schedule: after every epoch or after every iteration (config key {@code step}). */
public enum SchedulePeriod {
    EPOCH,
    ITERATION
}
