package org.voxseg.core.schedule;

/** How {@link ReduceLrOnPlateau} compares a metric with the best so far: relative to it, or by an absolute margin. */
public enum ThresholdMode {
    REL,
    ABS
}
