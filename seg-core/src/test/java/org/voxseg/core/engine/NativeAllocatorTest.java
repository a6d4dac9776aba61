package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    private static final String LAUNCHERS = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0"
            + ":glibc.malloc.trim_threshold=4294967296";

    @Test
    void withoutTheLaunchersTunablesGlibcTakesTheFixedMmapThresholdOnLinux() {
        FreedMemory expected = Platform.isLinux() ? FreedMemory.RETURNED : FreedMemory.UNMANAGED;
        assertEquals(expected, NativeAllocator.settle(null),
                "Linux (glibc: the project's machines) takes the setting; other systems are left alone");
        assertEquals(expected, NativeAllocator.settle("glibc.malloc.arena_max=1"));
    }

    @Test
    void theLaunchersTunablesKeepFreedMemoryForReuseOnLinux() {
        assertEquals(Platform.isLinux() ? FreedMemory.REUSED : FreedMemory.UNMANAGED,
                NativeAllocator.settle(LAUNCHERS));
    }

    @Test
    void reuseNeedsOneArenaAndNoMmapWhereverTheyStandAndTheLastSettingOfAKeyWins() {
        assertTrue(NativeAllocator.reusing(LAUNCHERS));
        assertTrue(NativeAllocator.reusing("glibc.cpu.hwcaps=-AVX2:glibc.malloc.mmap_max=0:glibc.malloc.arena_max=1"));
        assertFalse(NativeAllocator.reusing(null));
        assertFalse(NativeAllocator.reusing(""));
        assertFalse(NativeAllocator.reusing("glibc.malloc.mmap_max=0"), "threads' own arenas map large blocks anyway");
        assertFalse(NativeAllocator.reusing("glibc.malloc.arena_max=2:glibc.malloc.mmap_max=0"));
        assertFalse(NativeAllocator.reusing(LAUNCHERS + ":glibc.malloc.mmap_max=65536"));
    }

    @Test
    void releasingFreedMemoryIsSafeAnywhereAndANoOpOffLinux() {
        boolean released = NativeAllocator.releaseFreed();
        if (!Platform.isLinux()) {
            assertFalse(released, "only glibc's malloc is trimmed");
        }
    }
}
