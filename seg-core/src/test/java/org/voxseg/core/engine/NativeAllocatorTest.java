package org.voxseg.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    @Test
    void glibcTakesTheFixedMmapThresholdOnLinux() {
        assertEquals(Platform.isLinux(), NativeAllocator.boundFreedTensors(),
                "Linux (glibc: the project's machines) takes the setting; other systems are left alone");
    }

    @Test
    void releasingFreedMemoryIsSafeAnywhereAndANoOpOffLinux() {
        boolean released = NativeAllocator.releaseFreed();
        if (!Platform.isLinux()) {
            assertFalse(released, "only glibc's malloc is trimmed");
        }
    }
}
