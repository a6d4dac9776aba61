package org.voxseg.core.engine;

/**
 * Derives the 32-bit seeds libtorch takes from voxseg's 64-bit seeds. A cast would keep only the low 32 bits, so
 * seeds 7 and 7 + 2^32 would train identical networks; SplitMix64's finaliser spreads every input bit over the
 * result instead.
 */
public final class Seeds {

    /** "VALIDATE" in ASCII: tells the validation stream apart from the run seed. */
    private static final long VALIDATION_STREAM = 0x56414C4944415445L;

    private Seeds() {
    }

    /** The engine seed for a run seeded with {@code seed}. */
    public static int engineSeed(long seed) {
        return (int) (mix(seed) >>> 32);
    }

    /**
     * The engine seed for optimiser step {@code step} of a run seeded with {@code seed}: a function of both alone, so
     * a resumed run draws the same random numbers (dropout) at every step as an uninterrupted one.
     */
    public static int stepSeed(long seed, long step) {
        return engineSeed(mix(seed) + step);
    }

    /**
     * The seed of a run's validation patches: a stream of its own, so they neither repeat the training batches nor
     * change when training settings such as the batch count per epoch do.
     */
    public static long validationSeed(long seed) {
        return mix(mix(seed) ^ VALIDATION_STREAM);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection on 64-bit values with good avalanche. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
