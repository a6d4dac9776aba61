package org.voxseg.core.training;



/**
 * The training loss stopped being a finite number: the run diverged (a learning rate too high, bad data). The
 * parameters are left as they were before the failing step, and a run folder keeps its last good checkpoint. The LR
 * range test treats this, and only this, as the end of the usable range.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double loss;

    /**
     * @param step the optimiser step that failed (0-based), or -1 when the caller does not count steps
     * @param loss the loss it produced (NaN or infinite)
     */
    public TrainingDivergedException(long step, double loss) {
        super("the training loss became " + loss
                + (step >= 0 ? " at step " + step + "; the last good checkpoint is kept" : ""));
        this.loss = loss;
    }

    /** The same failure, placed at {@code newStep} of a run, with this one as its cause. */
    public TrainingDivergedException atStep(long newStep) {
        TrainingDivergedException placed = new TrainingDivergedException(newStep, loss);
        placed.initCause(this);
        return placed;
    }
}
