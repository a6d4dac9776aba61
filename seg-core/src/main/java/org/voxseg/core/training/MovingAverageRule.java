package org.voxseg.core.training;

/**
 * nnU-Net's early stopping on moving averages: the training loss is smoothed with 0.93 / 0.07 (the best model is
 * {@link BestModelRule#MOVING_AVERAGE_DICE}'s, the Dice smoothed with 0.9 / 0.1); the training loss improving by
 * more than 5e-4 resets the clock; after more than {@code patience} epochs without that, training goes on (the clock
 * moved back by half the patience) while the learning rate is above 1e-6, and stops otherwise. Only validated epochs
 * count. The averages are replayed from the history at every decision, so the rule has no state of its own to
 * checkpoint.
 *
 * @param patience epochs without a training-loss improvement before the rule acts
 */
public record MovingAverageRule(int patience) implements StoppingRule, BestModelRule {

    private static final double TRAIN_SMOOTHING = 0.93;
    private static final double IMPROVEMENT = 5e-4;
    private static final double LOWEST_RATE = 1e-6;

    public MovingAverageRule {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be positive: " + patience);
        }
    }

    @Override
    public boolean shouldStop(TrainingHistory history) {
        return replay(history).stopAtLatest;
    }

    @Override
    public String reason() {
        return "the smoothed training loss has not improved for " + patience + " epochs at a learning rate of 1e-6"
                + " or less";
    }

    @Override
    public int bestEpoch(TrainingHistory history) {
        return MOVING_AVERAGE_DICE.bestEpoch(history);
    }

    private Replay replay(TrainingHistory history) {
        Replay replay = new Replay();
        history.epochs().stream().filter(e -> e.validation().isPresent()).forEach(replay::update);
        replay.stopAtLatest = replay.stopAtLatest && history.latest().flatMap(EpochResult::validation).isPresent();
        return replay;
    }

    /** The rule's averages and clock after the epochs seen so far. */
    private final class Replay {
        double trainAverage = Double.NaN;
        double bestTrainAverage = Double.POSITIVE_INFINITY;
        int clock;
        boolean stopAtLatest;

        void update(EpochResult epoch) {
            trainAverage = Double.isNaN(trainAverage) ? epoch.trainLoss()
                    : TRAIN_SMOOTHING * trainAverage + (1 - TRAIN_SMOOTHING) * epoch.trainLoss();
            if (trainAverage + IMPROVEMENT < bestTrainAverage) {
                bestTrainAverage = trainAverage;
                clock = epoch.epoch();
            }
            stopAtLatest = false;
            if (epoch.epoch() - clock > patience) {
                if (epoch.learningRate() > LOWEST_RATE) {
                    clock = epoch.epoch() - patience / 2;
                } else {
                    stopAtLatest = true;
                }
            }
        }
    }
}
