package org.voxseg.core.config;

/**
 * The checks config sections make of their values, each failing with one sentence that names the key and the value
 * (the binder adds the file and the section).
 */
final class SectionChecks {

    private SectionChecks() {
    }

    /** Refuses a {@code value} of {@code key} below 1. */
    static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }

    /** Refuses a negative {@code value} of {@code key}. */
    static void requireNonNegative(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, not " + value);
        }
    }

    /** Refuses a {@code value} of {@code key} outside [0, 1], or outside [0, 1) unless {@code oneAllowed}. */
    static void requireFraction(String key, double value, boolean oneAllowed) {
        if (!(value >= 0 && (oneAllowed ? value <= 1 : value < 1))) {
            throw new IllegalArgumentException(key + " must be in [0, 1" + (oneAllowed ? "]" : ")") + ", not " + value);
        }
    }
}
