package org.voxseg.cli.bench;

import java.util.Arrays;

/** Wall-clock samples of one measured operation, in seconds. */
record Timings(double[] seconds) {

    /** Times {@code repeats} runs of {@code action} after {@code warmup} unrecorded runs. */
    static Timings measure(int warmup, int repeats, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        double[] samples = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            action.run();
            samples[i] = (System.nanoTime() - start) / 1e9;
        }
        return new Timings(samples);
    }

    /** The median sample (mean of the middle two for an even count). */
    double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The fastest sample. */
    double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    /** One timed operation. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
