package org.voxseg.core.schedule;

import java.util.Map;

/**
 * PyTorch's ReduceLROnPlateau, driven by the monitored metric of each epoch: after more than {@code patience}
 * epochs without improvement (by {@code threshold}, relative or absolute) the rate is multiplied by
 * {@code factor}, not below {@code minRate}, then {@code cooldown} epochs pass before bad epochs count again.
 */
public final class ReduceLrOnPlateau implements LearningRateSchedule {

    /** Whether a lower or a higher metric is better. */
    public enum Mode { MIN, MAX }

    private static final double EPS = 1e-8;

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final boolean relativeThreshold;
    private final int cooldown;
    private final double minRate;

    private double rate;
    private double best;
    private int badEpochs;
    private int cooldownLeft;

    /**
     * @throws IllegalArgumentException if {@code factor} is not below 1
     */
    public ReduceLrOnPlateau(double baseRate, Mode mode, double factor, int patience, double threshold,
            boolean relativeThreshold, int cooldown, double minRate) {
        if (!(factor < 1)) {
            throw new IllegalArgumentException("factor must be below 1: " + factor);
        }
        this.mode = mode;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.relativeThreshold = relativeThreshold;
        this.cooldown = cooldown;
        this.minRate = minRate;
        this.rate = baseRate;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public boolean needsMetric() {
        return true;
    }

    @Override
    public double learningRate() {
        return rate;
    }

    @Override
    public void step(double metric) {
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double reduced = Math.max(rate * factor, minRate);
            if (rate - reduced > EPS) {
                rate = reduced;
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    private boolean isBetter(double metric) {
        if (mode == Mode.MIN) {
            return relativeThreshold ? metric < best * (1 - threshold) : metric < best - threshold;
        }
        return relativeThreshold ? metric > best * (1 + threshold) : metric > best + threshold;
    }

    @Override
    public Map<String, Double> state() {
        return Map.of("rate", rate, "best", best, "bad_epochs", (double) badEpochs, "cooldown_left",
                (double) cooldownLeft);
    }

    @Override
    public void restore(Map<String, Double> state) {
        rate = LearningRateSchedule.field(state, "rate");
        best = LearningRateSchedule.field(state, "best");
        badEpochs = (int) LearningRateSchedule.field(state, "bad_epochs");
        cooldownLeft = (int) LearningRateSchedule.field(state, "cooldown_left");
    }
}
