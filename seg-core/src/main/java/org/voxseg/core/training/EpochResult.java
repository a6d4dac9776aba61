package org.voxseg.core.training;

import java.util.Optional;

/**
 * One epoch's record: the mean training loss, the learning rate it trained at, the validation scores when it was
 * validated, and its wall-clock time.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean loss of its optimiser steps
 * @param learningRate the learning rate at its start
 * @param validation the scores, or empty when it was not validated
 * @param seconds wall-clock seconds for training and validating it
 */
public record EpochResult(int epoch, double trainLoss, double learningRate, Optional<ValidationScores> validation,
        double seconds) {

    public EpochResult {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs count from 1: " + epoch);
        }
    }

    /** The mean foreground Dice, or NaN when the epoch was not validated. */
    public double meanDice() {
        return validation.map(ValidationScores::meanDice).orElse(Double.NaN);
    }
}
