package org.voxseg.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall-clock samples of one measured operation, in seconds. */
record Timings(List<Double> seconds) {

    Timings {
        seconds = List.copyOf(seconds);
    }

    /** Times {@code repeats} runs of {@code action} after {@code warmup} unrecorded runs. */
    static Timings measure(int warmup, int repeats, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        List<Double> samples = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            action.run();
            samples.add((System.nanoTime() - start) / 1e9);
        }
        return new Timings(samples);
    }

    /** The median sample (mean of the middle two for an even count). */
    double median() {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The fastest sample. */
    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** One timed operation. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
