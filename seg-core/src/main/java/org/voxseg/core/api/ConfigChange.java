package org.voxseg.core.api;

/**
 * Whether a run folder that holds a checkpoint may be resumed with a config that differs from the one it started
 * with in more than its length, stopping rules, threads, checkpoint keeping and prediction defaults.
 */
public enum ConfigChange {
    /** Refuse, naming the keys that differ (the default). */
    REFUSE,
    /** Resume anyway, with the new config (the command line's {@code --force-config-change}). */
    ACCEPT
}
