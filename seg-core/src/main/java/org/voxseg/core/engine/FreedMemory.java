package org.voxseg.core.engine;

import java.util.Locale;

/**
 * What becomes of the native memory libtorch frees, which decides much of a CPU forward pass's speed: memory handed
 * back to the system must be faulted in and zeroed again by the kernel for the next feature map (docs/engine.md).
 */
public enum FreedMemory {
    /**
     * Kept in glibc's one main heap for the next tensor (the launcher's {@code GLIBC_TUNABLES} for every command:
     * one arena, no mmap, no trimming), and returned only after each predicted case. Fastest for the scripted
     * network, in training and prediction; resident memory keeps its high-water mark.
     */
    REUSED("reused from one heap (GLIBC_TUNABLES from the launcher)"),
    /**
     * Blocks of 1 MiB and more mapped on their own and returned to the system when freed (voxseg's {@code mallopt}
     * where the JVM started without the launcher's setting: training, Fiji, the Java API). Leanest.
     */
    RETURNED("returned to the system at once (glibc's default heap settings; the launcher reuses them)"),
    /** Left to a C library other than glibc (macOS, Windows, musl). */
    UNMANAGED("left to the C library");

    private final String description;

    FreedMemory(String description) {
        this.description = description;
    }

    /** A few words for {@code --version}, e.g. {@code reused from one heap (...)}. */
    public String describe() {
        return description;
    }

    /** The spelling of reports, e.g. {@code reused}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
