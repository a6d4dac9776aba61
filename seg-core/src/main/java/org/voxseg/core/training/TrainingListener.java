package org.voxseg.core.training;

import java.io.IOException;

/**
 * What a {@link Trainer} tells about a run as it goes: the run folder writer, console progress and Fiji's status
 * bar are all listeners. Every method has an empty default; calls come from the training thread, in the order
 * started, (epoch started, step ended..., validation started?, epoch ended)..., ended. A listener that throws stops
 * the run with its exception; an {@link IOException} reaches the caller of {@link Trainer#train} as is.
 */
public interface TrainingListener {

    /**
     * The run starts (or resumes) from {@code state}.
     *
     * @param epochs the epoch the run ends with at the latest
     */
    default void trainingStarted(TrainingState state, int epochs) throws IOException {
    }

    /** Epoch {@code epoch} (from 1) of {@code epochs} starts with {@code iterations} optimiser steps. */
    default void epochStarted(int epoch, int epochs, int iterations) {
    }

    /** An optimiser step is done. */
    default void stepEnded(StepResult step) {
    }

    /** The current epoch's validation starts on {@code batches} batches of validation patches. */
    default void validationStarted(int epoch, int batches) {
    }

    /**
     * An epoch is done: {@code state.latest()} is its record and {@code state.latestIsBest()} says whether its
     * model is the best so far.
     *
     * @throws IOException if the listener cannot write what it keeps (e.g. checkpoints)
     */
    default void epochEnded(TrainingState state) throws IOException {
    }

    /**
     * The run is over (after its last epoch or a stopping rule).
     *
     * @throws IOException if the listener cannot write what it keeps
     */
    default void trainingEnded(TrainingOutcome outcome) throws IOException {
    }

    /** A message worth showing (resumed, stopped early, parameters that pretrained weights did not cover). */
    default void note(String message) {
    }

    /**
     * One optimiser step's record.
     *
     * @param epoch the epoch it belongs to (from 1)
     * @param iteration its place in the epoch (from 1)
     * @param iterations the epoch's steps
     * @param loss its loss before the update
     * @param learningRate the rate it updated with
     */
    record StepResult(int epoch, int iteration, int iterations, double loss, double learningRate) {
    }
}
