package org.voxseg.core.training;

import java.util.List;

/**
 * What a validation measured: the training loss evaluated on the stitched whole-case predictions, and the Dice of
 * each output channel, averaged over the validation cases.
 *
 * @param loss the configured training loss on the validation cases' predictions
 * @param outputs the Dice per output channel, in output order
 * @param meanDice the mean Dice over the foreground outputs: the value that picks the best model (for one-hot
 *     classes the background channel is left out, as nnU-Net and MONAI do)
 */
public record ValidationScores(double loss, List<OutputDice> outputs, double meanDice) {

    /**
     * The scores of one output channel (a region such as WT, or a class).
     *
     * @param dice its pseudo Dice
     * @param predictedFraction the fraction of validation voxels predicted as it (NaN where not recorded): 0 with a
     *     Dice of 0 means the output has stopped predicting anything
     */
    public record OutputDice(String name, double dice, double predictedFraction) {

        /** The scores of an output whose predicted fraction was not recorded (a run of an earlier version). */
        public OutputDice(String name, double dice) {
            this(name, dice, Double.NaN);
        }
    }

    public ValidationScores {
        outputs = List.copyOf(outputs);
    }

    /** The Dice per output channel, in output order. */
    public double[] dice() {
        return outputs.stream().mapToDouble(OutputDice::dice).toArray();
    }
}
