package org.voxseg.core.training;

import java.util.ArrayList;
import java.util.List;

/**
 * MONAI's LearningRateFinder range test: train one batch at each of {@code iterations} rates rising from
 * {@code startRate} to {@code endRate} (exponentially or linearly), record each rate before stepping, smooth the
 * losses ({@code smoothing * loss + (1 - smoothing) * previous}), stop once the loss exceeds
 * {@code divergeThreshold} times the best, and suggest the rate of the steepest descent (the arg-min of numpy's
 * gradient of the recorded losses). Restoring the model and optimiser afterwards is the caller's (a checkpoint
 * taken before does it).
 *
 * @param startRate the first rate
 * @param endRate the last rate
 * @param iterations the most batches to try
 * @param exponential exponential rather than linear spacing
 * @param smoothing MONAI's smooth_f
 * @param divergeThreshold MONAI's diverge_th
 */
public record LearningRateFinder(double startRate, double endRate, int iterations, boolean exponential,
        double smoothing, double divergeThreshold) {

    public LearningRateFinder {
        if (!(startRate > 0 && endRate > startRate) || iterations < 2) {
            throw new IllegalArgumentException("the range test needs 0 < start < end and at least 2 iterations");
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1): " + smoothing);
        }
    }

    /** MONAI's defaults: up to 10, 100 iterations, exponential, smoothing 0.05, divergence at 5x the best. */
    public static LearningRateFinder monaiDefaults(double startRate) {
        return new LearningRateFinder(startRate, 10, 100, true, 0.05, 5);
    }

    /** One training batch at a given rate, returning its loss. */
    @FunctionalInterface
    public interface TrainingStep {
        double lossAt(double rate);
    }

    /**
     * The test's record: rates and their smoothed losses, the diverging last point included.
     *
     * @param rates the rate of each batch
     * @param losses the smoothed loss of each batch
     */
    public record Result(List<Double> rates, List<Double> losses) {

        public Result {
            rates = List.copyOf(rates);
            losses = List.copyOf(losses);
        }

        /** The rate where the loss falls fastest: the arg-min of numpy.gradient(losses). */
        public double suggestion() {
            int n = losses.size();
            if (n < 2) {
                return rates.get(0);
            }
            int best = 0;
            double steepest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double gradient = i == 0 ? losses.get(1) - losses.get(0)
                        : i == n - 1 ? losses.get(n - 1) - losses.get(n - 2)
                        : (losses.get(i + 1) - losses.get(i - 1)) / 2;
                if (gradient < steepest) {
                    steepest = gradient;
                    best = i;
                }
            }
            return rates.get(best);
        }
    }

    /** The rate of batch {@code i}. */
    double rate(int i) {
        double fraction = (double) i / (iterations - 1);
        return exponential ? startRate * Math.pow(endRate / startRate, fraction)
                : startRate + fraction * (endRate - startRate);
    }

    /** Runs the test, one {@code step} per batch. */
    public Result run(TrainingStep step) {
        List<Double> rates = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < iterations; i++) {
            double rate = rate(i);
            double loss = step.lossAt(rate);
            rates.add(rate);
            if (i > 0 && smoothing > 0) {
                loss = smoothing * loss + (1 - smoothing) * losses.get(losses.size() - 1);
            }
            best = i == 0 ? loss : Math.min(best, loss);
            losses.add(loss);
            if (loss > divergeThreshold * best) {
                break;
            }
        }
        return new Result(rates, losses);
    }
}
