package org.voxseg.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps glibc's malloc from hoarding libtorch's freed tensors. glibc serves blocks above a threshold with their own
 * {@code mmap} and returns them on free, but raises that threshold to the size of each such block freed (up to
 * 32 MiB); from then on the network's feature maps come from the malloc heaps, and freed ones stay resident,
 * fragmented across the threads' arenas. Predicting BraTS-size cases, resident memory grew by about 3.5 GB per case
 * (docs/engine.md). Fixing the threshold with {@code mallopt} turns the adjustment off, so tensors of 1 MiB and more
 * are always mapped and unmapped: memory stays flat and the measured speed is unchanged. Other C libraries (musl,
 * macOS) are left alone.
 */
final class NativeAllocator {

    /** glibc's {@code M_MMAP_THRESHOLD} parameter of {@code mallopt}. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** Blocks of this size and more are mapped on their own and returned to the system when freed. */
    private static final int MMAP_THRESHOLD_BYTES = 1 << 20;

    private NativeAllocator() {
    }

    /** glibc's allocator tuning call. */
    private interface GlibcMalloc extends Library {
        int mallopt(int parameter, int value);
    }

    /**
     * Fixes glibc's mmap threshold at {@link #MMAP_THRESHOLD_BYTES} on Linux.
     *
     * @return whether the C library took the setting (false elsewhere than on glibc)
     */
    static boolean boundFreedTensors() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            GlibcMalloc libc = Native.load("c", GlibcMalloc.class);
            return libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1;
        } catch (LinkageError notGlibc) {
            return false;
        }
    }
}
