package org.voxseg.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a CPU can compute fast, as Linux reports it in {@code /proc/cpuinfo}: its vendor and its flags. bfloat16
 * convolutions need dot-product instructions ({@code avx512_bf16}, or Intel's AMX tiles, {@code amx_bf16}) to beat
 * float32, and even with them they do so only where those run at full rate: AMX, and AMD's Zen 4, which issues
 * {@code VDPBF16PS} on both of its vector units; an Intel core without AMX issues it on one, and there voxseg's
 * bfloat16 window and training step were measured slower than float32 (docs/engine.md).
 *
 * @param vendor the {@code vendor_id}, e.g. {@code AuthenticAMD}; empty where unknown
 * @param flags the {@code flags}, lower case
 */
public record CpuFeatures(String vendor, Set<String> flags) {

    /** The property that overrides {@link #bfloat16()} ({@code true} or {@code false}). */
    public static final String BF16_PROPERTY = "voxseg.cpu.bf16";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** A copy with an immutable set of flags. */
    public CpuFeatures {
        flags = Set.copyOf(flags);
    }

    /** The first processor's vendor and flags in the text of a {@code /proc/cpuinfo}. */
    public static CpuFeatures of(String cpuinfo) {
        String vendor = "";
        Set<String> flags = Set.of();
        for (String line : cpuinfo.split("\n", -1)) {
            String key = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (key.equals("vendor_id") && vendor.isEmpty()) {
                vendor = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = Set.copyOf(Arrays.asList(value.toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        return new CpuFeatures(vendor, flags);
    }

    /** This machine's, or none where /proc/cpuinfo cannot be read (not Linux). */
    public static CpuFeatures current() {
        try {
            return of(Files.readString(CPUINFO, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return new CpuFeatures("", Set.of());
        }
    }

    /** Whether bfloat16 convolutions are worth taking on this machine, unless {@link #BF16_PROPERTY} says. */
    public static boolean bfloat16() {
        String override = System.getProperty(BF16_PROPERTY);
        return override != null ? Boolean.parseBoolean(override) : current().bfloat16Pays();
    }

    /** Whether the CPU has bfloat16 dot-product instructions at all, fast or not. */
    public boolean hasBfloat16Instructions() {
        return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
    }

    /** Whether its bfloat16 dot products run at full rate: AMX tiles, or AVX-512 BF16 on an AMD core. */
    public boolean bfloat16Pays() {
        return flags.contains("amx_bf16") || vendor.equals("AuthenticAMD") && flags.contains("avx512_bf16");
    }
}
