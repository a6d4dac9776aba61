package org.voxseg.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's resident memory from Linux's /proc/self/status: current (VmRSS), peak (VmHWM) and anonymous
 * (RssAnon), in bytes.
 */
final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** Peak resident set size so far, if the platform reports it. */
    static OptionalLong peakBytes() {
        return field("VmHWM:");
    }

    /** Current resident set size, if the platform reports it. */
    static OptionalLong currentBytes() {
        return field("VmRSS:");
    }

    /**
     * Current anonymous resident memory (RssAnon): the heap, native allocations and stacks, but not the file pages
     * of memory-mapped files, which the kernel can drop and reread at will.
     */
    static OptionalLong anonymousBytes() {
        return field("RssAnon:");
    }

    private static OptionalLong field(String name) {
        try {
            return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith(name))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
