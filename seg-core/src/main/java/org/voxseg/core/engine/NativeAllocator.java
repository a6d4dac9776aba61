package org.voxseg.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides, once, what glibc's malloc does with libtorch's freed tensors ({@link FreedMemory}). For {@code predict},
 * voxseg's launcher starts the JVM with {@code GLIBC_TUNABLES} that keep freed memory in one heap for the next tensor,
 * which spares the kernel faulting in and zeroing every feature map anew; this class then leaves glibc alone. Without
 * them (training, Fiji, the Java API), glibc serves blocks above a threshold with their own {@code mmap} and returns
 * them on free, but raises that threshold to the size of each such block freed (up to 32 MiB), after which freed
 * feature maps stay resident, fragmented across the threads' arenas: resident memory grew by about 3.5 GB per
 * BraTS-size case. There this class fixes the threshold at 1 MiB with {@code mallopt}, which turns the adjustment off.
 * Either way {@link #releaseFreed} returns the heaps' free memory once a case is done (docs/engine.md). Other C
 * libraries (musl, macOS) are left alone.
 */
final class NativeAllocator {

    /** glibc's {@code M_MMAP_THRESHOLD} parameter of {@code mallopt}. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** Blocks of this size and more are mapped on their own and returned to the system when freed. */
    private static final int MMAP_THRESHOLD_BYTES = 1 << 20;

    /** The launcher's settings ({@code seg-cli/src/dist/bin/voxseg}): one arena, served from the heap alone. */
    private static final Map<String, String> REUSING_TUNABLES = Map.of("glibc.malloc.arena_max", "1",
            "glibc.malloc.mmap_max", "0");

    private NativeAllocator() {
    }

    /** glibc's allocator tuning calls. */
    private interface GlibcMalloc extends Library {
        int mallopt(int parameter, int value);

        @SuppressWarnings("checkstyle:MethodName") // JNA binds the C function by this name
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
     * Settles what becomes of freed tensors: {@link FreedMemory#REUSED} where the process started with
     * {@code tunables} (the {@code GLIBC_TUNABLES} environment variable, or null) that keep them in the heap;
     * otherwise glibc's mmap threshold fixed at {@link #MMAP_THRESHOLD_BYTES} ({@link FreedMemory#RETURNED}), on
     * glibc only.
     */
    static FreedMemory settle(String tunables) {
        if (!Glibc.MALLOC.isPresent()) {
            return FreedMemory.UNMANAGED;
        }
        if (reusing(tunables)) {
            return FreedMemory.REUSED;
        }
        boolean taken = call(libc -> libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1);
        return taken ? FreedMemory.RETURNED : FreedMemory.UNMANAGED;
    }

    /** Whether {@code tunables} hold the launcher's reusing settings (later entries of a key win, as in glibc). */
    static boolean reusing(String tunables) {
        if (tunables == null) {
            return false;
        }
        Map<String, String> settings = new HashMap<>();
        for (String entry : tunables.split(":")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                settings.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return REUSING_TUNABLES.entrySet().stream()
                .allMatch(setting -> setting.getValue().equals(settings.get(setting.getKey())));
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
