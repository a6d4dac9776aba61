package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    private static CpuFeatures cpu(String vendor, String flags) {
        return CpuFeatures.of("processor\t: 0\nvendor_id\t: " + vendor + "\nmodel name\t: a CPU\nflags\t\t: fpu sse2 "
                + flags + "\n\nprocessor\t: 1\nvendor_id\t: other\nflags\t\t: fpu\n");
    }

    @Test
    void readsTheFirstProcessorsVendorAndFlags() {
        CpuFeatures zen4 = cpu("AuthenticAMD", "avx512f avx512_bf16 avx512_vnni");
        assertEquals("AuthenticAMD", zen4.vendor());
        assertTrue(zen4.flags().contains("avx512_bf16"));
        assertFalse(zen4.flags().contains("fpu sse2"));
    }

    @Test
    void bfloat16PaysWithAmxOrOnAnAmdCoreWithAvx512Bf16() {
        assertTrue(cpu("AuthenticAMD", "avx512f avx512_bf16").bfloat16Pays(), "Zen 4");
        assertTrue(cpu("GenuineIntel", "avx512f avx512_bf16 amx_bf16 amx_tile").bfloat16Pays(), "Sapphire Rapids");
        CpuFeatures noAmx = cpu("GenuineIntel", "avx512f avx512_bf16 avx512_fp16");
        assertTrue(noAmx.hasBfloat16Instructions());
        assertFalse(noAmx.bfloat16Pays(), "an Intel core without AMX: slower than float32");
        assertFalse(cpu("AuthenticAMD", "avx2 fma").hasBfloat16Instructions(), "Zen 3");
        assertFalse(CpuFeatures.of("").bfloat16Pays(), "nothing known");
    }
}
