package org.voxseg.core.training;

import org.voxseg.data.grid.Extent;

/**
 * How long and on what a {@link Trainer} trains: epochs of a number of iterations, batches of patches (with a
 * fraction centred on foreground), a seed, validation every few epochs by sliding window, optional early stopping.
 *
 * @param epochs epochs to run
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize patches per step
 * @param patch patch voxels along (x, y, z), also the validation window
 * @param foregroundFraction share of patches centred on a foreground voxel
 * @param seed the seed every random choice derives from
 * @param validateEvery validate after every this many epochs (and after the last)
 * @param overlap sliding-window overlap for validation
 * @param earlyStopPatience patience of the 3DUnetCNN rule on the validation Dice, 0 for none
 */
public record TrainingSettings(int epochs, int iterationsPerEpoch, int batchSize, Extent patch,
        double foregroundFraction, long seed, int validateEvery, double overlap, int earlyStopPatience) {

    public TrainingSettings {
        if (epochs < 1 || iterationsPerEpoch < 1 || batchSize < 1 || validateEvery < 1) {
            throw new IllegalArgumentException("epochs, iterations, batch size and validation interval must be"
                    + " positive");
        }
        if (!patch.isPositive()) {
            throw new IllegalArgumentException("patch needs three positive sizes: " + patch);
        }
    }

    /** The settings with the patch given as {@code [x, y, z]}. */
    public TrainingSettings(int epochs, int iterationsPerEpoch, int batchSize, int[] patch, double foregroundFraction,
            long seed, int validateEvery, double overlap, int earlyStopPatience) {
        this(epochs, iterationsPerEpoch, batchSize, Extent.of(patch), foregroundFraction, seed, validateEvery,
                overlap, earlyStopPatience);
    }
}
