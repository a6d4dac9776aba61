package org.voxseg.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the CPU can compute fast, as Linux reports it in {@code /proc/cpuinfo}: bfloat16 dot products
 * ({@code avx512_bf16}, or Intel's AMX tiles, {@code amx_bf16}), which oneDNN's bfloat16 convolutions need to be faster
 * than float32. The system property {@code voxseg.cpu.bf16} ({@code true} or {@code false}) overrides the detection,
 * e.g. to check the refusal on a CPU that has it.
 */
public final class CpuFeatures {

    /** The property that overrides the detection. */
    public static final String BF16_PROPERTY = "voxseg.cpu.bf16";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuFeatures() {
    }

    /** Whether the CPU computes bfloat16 dot products natively (false where it cannot be told). */
    public static boolean bfloat16() {
        String override = System.getProperty(BF16_PROPERTY);
        if (override != null) {
            return Boolean.parseBoolean(override);
        }
        return flags().map(flags -> flags.contains(" avx512_bf16 ") || flags.contains(" amx_bf16 ")).orElse(false);
    }

    /** The first {@code flags} line of /proc/cpuinfo, padded with spaces, if there is one. */
    private static Optional<String> flags() {
        try {
            for (String line : Files.readAllLines(CPUINFO, StandardCharsets.US_ASCII)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("flags")) {
                    return Optional.of(" " + line.substring(line.indexOf(':') + 1).strip() + " ");
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // not Linux, or not readable: no claim of support
        }
        return Optional.empty();
    }
}
