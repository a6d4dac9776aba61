package org.voxseg.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps glibc's malloc from hoarding libtorch's freed tensors. glibc serves blocks above a threshold with their own
 * {@code mmap} and returns them on free, but raises that threshold to the size of each such block freed (up to
 * 32 MiB); from then on the network's feature maps come from the malloc heaps, and freed ones stay resident,
 * fragmented across the threads' arenas. Predicting BraTS-size cases, resident memory grew by about 3.5 GB per case
 * (docs/engine.md). Fixing the threshold with {@code mallopt} turns the adjustment off, so tensors of 1 MiB and more
 * are always mapped and unmapped: memory stays flat and the measured speed is unchanged. Blocks below the threshold
 * still come from the heaps, where glibc gives back only free memory at a heap's top; {@link #releaseFreed} returns
 * the rest once a case is done. Other C libraries (musl, macOS) are left alone.
 */
final class NativeAllocator {

    /** glibc's {@code M_MMAP_THRESHOLD} parameter of {@code mallopt}. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** Blocks of this size and more are mapped on their own and returned to the system when freed. */
    private static final int MMAP_THRESHOLD_BYTES = 1 << 20;

    private NativeAllocator() {
    }

    /** glibc's allocator tuning calls. */
    private interface GlibcMalloc extends Library {
        int mallopt(int parameter, int value);

        int malloc_trim(long pad);
    }

    /** The C library's allocator calls on Linux, bound once; none elsewhere (macOS, Windows). */
    private static final class Glibc {
        static final Optional<GlibcMalloc> MALLOC = bind();

        private Glibc() {
        }

        private static Optional<GlibcMalloc> bind() {
            if (!Platform.isLinux()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Native.load("c", GlibcMalloc.class));
            } catch (LinkageError noLibc) {
                return Optional.empty();
            }
        }
    }

    /**
     * Fixes glibc's mmap threshold at {@link #MMAP_THRESHOLD_BYTES} on Linux.
     *
     * @return whether the C library took the setting (false elsewhere than on glibc)
     */
    static boolean boundFreedTensors() {
        return call(libc -> libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1);
    }

    /**
     * Returns the free memory in all of glibc's malloc heaps to the system ({@code malloc_trim(0)}), on Linux. glibc
     * hands back a heap's free top by itself, but not free pages between blocks still in use; predicting BraTS-size
     * cases, what libtorch and oneDNN freed below the mmap threshold kept resident memory growing by about 90 MB per
     * case (docs/engine.md). Meant for the end of a case, not per window: it walks every heap, some milliseconds.
     *
     * @return whether memory was returned (false when there was none, or elsewhere than on glibc)
     */
    static boolean releaseFreed() {
        return call(libc -> libc.malloc_trim(0) == 1);
    }

    /** {@code glibcCall}'s answer, or false where there is no glibc or it lacks the function (musl). */
    private static boolean call(Predicate<GlibcMalloc> glibcCall) {
        return Glibc.MALLOC.map(libc -> {
            try {
                return glibcCall.test(libc);
            } catch (LinkageError notGlibc) {
                return false;
            }
        }).orElse(false);
    }
}
