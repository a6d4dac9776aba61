package org.voxseg.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.training.GradientCollector;

/**
 * Access to DJL's PyTorch engine, offline by default: libtorch comes from the {@code pytorch-native-cpu} jar on the
 * class path, never from a download (voxseg runs on machines without internet access). A user who points
 * {@code PYTORCH_LIBRARY_PATH} at another libtorch (a CUDA build), or asks for another flavour with
 * {@code PYTORCH_FLAVOR} (and {@code DJL_OFFLINE=false} for DJL to download it), gets that one: DJL reads both.
 */
public final class TorchRuntime {

    /** DJL's name for the PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";
    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private TorchRuntime() {
    }

    /**
     * The PyTorch engine, loading libtorch on first use (a few seconds the first time on a machine, while DJL
     * extracts it into its cache). Offline mode is switched on unless the caller chose otherwise.
     *
     * @throws ai.djl.engine.EngineException if libtorch cannot be loaded
     */
    public static Engine engine() {
        Engine engine = Holder.ENGINE;
        disableGradients();
        return engine;
    }

    /**
     * Loads the engine once, on first use; the one place voxseg asks DJL for it. Before that, what glibc does with
     * freed tensors is settled ({@link NativeAllocator}).
     */
    private static final class Holder {
        static final Engine ENGINE = load();

        private static Engine load() {
            if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
                System.setProperty(OFFLINE_PROPERTY, "true");
            }
            freedMemory();
            return Engine.getEngine(ENGINE_NAME);
        }
    }

    /**
     * A gradient collector for one backward pass; it switches autograd on for its scope and off again when closed.
     * Unlike {@link #engine()} it leaves the calling thread's grad mode alone until then.
     */
    public static GradientCollector gradientCollector() {
        return Holder.ENGINE.newGradientCollector();
    }

    /**
     * Seeds libtorch's random generator (weight initialisation, dropout) from a 64-bit seed. DJL takes an
     * {@code int}; casting would make seeds that differ only in their upper 32 bits equal, so the seed is mixed
     * down to 32 bits instead ({@link Seeds#engineSeed}).
     */
    public static void seed(long seed) {
        Holder.ENGINE.setRandomSeed(Seeds.engineSeed(seed));
    }

    /**
     * Seeds libtorch's random generator for optimiser step {@code step} of a run seeded with {@code seed}
     * ({@link Seeds#stepSeed}), so dropout at every step is a function of the seed and the step alone.
     */
    public static void seedStep(long seed, long step) {
        Holder.ENGINE.setRandomSeed(Seeds.stepSeed(seed, step));
    }

    /**
     * Switches libtorch's autograd recording off for the calling thread. Grad mode is per thread and on by default,
     * and DJL switches it off only on the thread that loads the engine; on any other thread (Fiji runs each command
     * on a pool thread) inference would record graphs and the optimiser's in-place updates would fail with "a leaf
     * Variable that requires grad is being used in an in-place operation". Gradient collectors switch it on for
     * their scope and restore it.
     */
    public static void disableGradients() {
        JniUtils.setGradMode(false);
    }

    /**
     * Sets libtorch's compute threads (and one inter-op thread); takes effect only before the engine first loads,
     * so call it before anything touches DJL.
     */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /**
     * Returns the native memory libtorch has freed to the system, where the C library keeps it otherwise
     * ({@link NativeAllocator#releaseFreed}); once per predicted case keeps resident memory flat over many cases.
     */
    public static void releaseFreedMemory() {
        NativeAllocator.releaseFreed();
    }

    /** What becomes of the native memory libtorch frees in this process, settled before the engine loads. */
    public static FreedMemory freedMemory() {
        return Allocator.FREED_MEMORY;
    }

    /** Settles the C library's handling of freed memory once, without loading the engine (benchmarks report it). */
    private static final class Allocator {
        static final FreedMemory FREED_MEMORY = NativeAllocator.settle(System.getenv("GLIBC_TUNABLES"));
    }

    /** The compute threads libtorch is asked for ({@link #useThreads}), or 0 for its default. */
    public static int requestedThreads() {
        return Integer.getInteger("ai.djl.pytorch.num_threads", 0);
    }

    /** One line naming the engine, libtorch and DJL versions, e.g. for {@code --version} or logs. */
    public static String describe() {
        Engine engine = engine();
        return ENGINE_NAME + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    /**
     * The GPUs libtorch can use: none unless the loaded libtorch was built with CUDA, else the CUDA runtime's count
     * (DJL counts through {@code libcudart}, which a CPU libtorch would not use).
     */
    public static int visibleGpus() {
        Engine engine = engine();
        return engine.hasCapability(StandardCapabilities.CUDA) ? engine.getGpuCount() : 0;
    }

    /**
     * The device {@code request} names on this machine.
     *
     * @throws IllegalArgumentException for a GPU libtorch does not see, saying what it sees
     */
    public static Device device(DeviceRequest request) {
        return request.resolve(visibleGpus());
    }

    /**
     * The device {@code request} names on this machine, where the request came from {@code origin} (an option or a
     * config key).
     *
     * @throws IllegalArgumentException for a GPU libtorch does not see, naming the origin and what libtorch sees,
     *     e.g. {@code --device gpu:1: libtorch sees 1 GPU (gpu:0)}
     */
    public static Device device(DeviceRequest request, String origin) {
        try {
            return device(request);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " " + e.getMessage(), e);
        }
    }

    /** A device as voxseg's options write it: {@code cpu} or {@code gpu:N}. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    /**
     * One line on the libtorch in use and the devices it sees, e.g. "libtorch 2.7.1 from /root/.djl.ai/pytorch/
     * 2.7.1-cpu-linux-x86_64 (CPU build); devices: cpu".
     */
    public static String describeDevices() {
        Engine engine = engine();
        int gpus = visibleGpus();
        String build = engine.hasCapability(StandardCapabilities.CUDA) ? "CUDA build" : "CPU build";
        return "libtorch " + engine.getVersion() + " from " + LibUtils.getLibtorchPath() + " (" + build
                + "); devices: cpu" + (gpus == 0 ? "" : ", " + DeviceRequest.describeGpus(gpus));
    }
}
