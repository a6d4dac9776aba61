package org.voxseg.core.training;

import java.util.Map;
import org.voxseg.core.schedule.LearningRateSchedule;

/**
 * nnU-Net's early stopping on moving averages: the training loss is smoothed with 0.93 / 0.07 and the validation
 * metric with 0.9 / 0.1; a smoothed metric above its best marks a new best model; the training loss improving by
 * more than 5e-4 resets the clock; after more than {@code patience} epochs without that, training goes on (the
 * clock moved back by half the patience) while the learning rate is above 1e-6, and stops otherwise.
 */
public final class MovingAverageRule {

    private static final double TRAIN_SMOOTHING = 0.93;
    private static final double VALIDATION_SMOOTHING = 0.9;
    private static final double IMPROVEMENT = 5e-4;
    private static final double LOWEST_RATE = 1e-6;

    private final int patience;
    private double trainAverage = Double.NaN;
    private double validationAverage = Double.NaN;
    private double bestTrainAverage = Double.POSITIVE_INFINITY;
    private double bestValidationAverage = Double.NEGATIVE_INFINITY;
    private int bestEpoch;

    public MovingAverageRule(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be positive: " + patience);
        }
        this.patience = patience;
    }

    /**
     * What the rule decides after an epoch.
     *
     * @param newBest whether the smoothed validation metric is the best so far (save the best model)
     * @param stop whether to stop training
     */
    public record Outcome(boolean newBest, boolean stop) {
    }

    /**
     * Takes epoch {@code epoch}'s results.
     *
     * @param metric the validation metric, higher is better (use -val_loss for a loss)
     * @param rate the learning rate in use
     */
    public Outcome update(int epoch, double trainLoss, double metric, double rate) {
        trainAverage = Double.isNaN(trainAverage) ? trainLoss
                : TRAIN_SMOOTHING * trainAverage + (1 - TRAIN_SMOOTHING) * trainLoss;
        validationAverage = Double.isNaN(validationAverage) ? metric
                : VALIDATION_SMOOTHING * validationAverage + (1 - VALIDATION_SMOOTHING) * metric;
        boolean newBest = validationAverage > bestValidationAverage;
        if (newBest) {
            bestValidationAverage = validationAverage;
        }
        if (trainAverage + IMPROVEMENT < bestTrainAverage) {
            bestTrainAverage = trainAverage;
            bestEpoch = epoch;
        }
        boolean stop = false;
        if (epoch - bestEpoch > patience) {
            if (rate > LOWEST_RATE) {
                bestEpoch = epoch - patience / 2;
            } else {
                stop = true;
            }
        }
        return new Outcome(newBest, stop);
    }

    /** The epoch the patience clock counts from. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The state to keep in checkpoints. */
    public Map<String, Double> state() {
        return Map.of("train_average", trainAverage, "validation_average", validationAverage, "best_train_average",
                bestTrainAverage, "best_validation_average", bestValidationAverage, "best_epoch", (double) bestEpoch);
    }

    /** Continues from a saved {@link #state()}. */
    public void restore(Map<String, Double> state) {
        trainAverage = LearningRateSchedule.field(state, "train_average");
        validationAverage = LearningRateSchedule.field(state, "validation_average");
        bestTrainAverage = LearningRateSchedule.field(state, "best_train_average");
        bestValidationAverage = LearningRateSchedule.field(state, "best_validation_average");
        bestEpoch = (int) LearningRateSchedule.field(state, "best_epoch");
    }
}
