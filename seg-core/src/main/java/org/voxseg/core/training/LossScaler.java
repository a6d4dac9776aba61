package org.voxseg.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/**
 * Dynamic loss scaling for float16 training, with the semantics and defaults of PyTorch's
 * {@code torch.cuda.amp.GradScaler}: the loss is multiplied by the scale before backward, so that small gradients
 * survive float16; the gradients are then divided by it (by its float32 reciprocal, as GradScaler does) and checked.
 * A step whose gradients hold an infinity or NaN is skipped and the scale multiplied by the backoff factor; after
 * {@code growthInterval} good steps in a row the scale is multiplied by the growth factor (unless that overflows
 * float32). The scale is kept as a float32, as GradScaler keeps it.
 */
public final class LossScaler {

    /** GradScaler's defaults: scale 2^16, growth 2 every 2000 good steps, backoff 0.5. */
    public static final Settings DEFAULTS = new Settings(65536f, 2, 0.5, 2000);

    /**
     * How the scale moves.
     *
     * @param initialScale the first scale
     * @param growthFactor what the scale is multiplied by after {@code growthInterval} good steps
     * @param backoffFactor what the scale is multiplied by after a step with non-finite gradients
     * @param growthInterval good steps in a row before the scale grows
     */
    public record Settings(float initialScale, double growthFactor, double backoffFactor, int growthInterval) {

        public Settings {
            if (!(initialScale > 0) || !(growthFactor > 1) || !(backoffFactor > 0 && backoffFactor < 1)
                    || growthInterval < 1) {
                throw new IllegalArgumentException("loss scaling needs a positive scale, growth above 1, backoff in "
                        + "(0, 1) and a positive growth interval");
            }
        }
    }

    /**
     * The scaler's state, which checkpoints keep so that a resumed run scales as if it had never stopped.
     *
     * @param scale the current scale
     * @param goodSteps good steps in a row since the scale last changed (GradScaler's growth tracker)
     * @param skippedSteps steps skipped so far for non-finite gradients
     */
    public record State(float scale, int goodSteps, long skippedSteps) {
    }

    private final Settings settings;
    private float scale;
    private int goodSteps;
    private long skippedSteps;

    /** A scaler starting from {@code settings}' initial scale. */
    public LossScaler(Settings settings) {
        this.settings = settings;
        this.scale = settings.initialScale();
    }

    /** The scale the next step's loss is multiplied by. */
    public float scale() {
        return scale;
    }

    /** The loss to run backward from: {@code loss} times the scale. */
    NDArray scaled(NDArray loss) {
        return loss.mul(scale);
    }

    /**
     * Divides the gradients of {@code parameters} that require them by the scale, in place.
     *
     * @return whether all of them are finite, i.e. whether the optimiser may step
     */
    boolean unscale(PairList<String, Parameter> parameters) {
        float inverse = (float) (1.0 / scale);
        boolean finite = true;
        for (Parameter parameter : parameters.values()) {
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray gradient = parameter.getArray().getGradient();
            try (NDManager scope = gradient.getManager().newSubManager()) {
                scope.tempAttachAll(gradient); // so that the checks' arrays are freed with the scope
                gradient.muli(inverse);
                finite &= !gradient.isInfinite().any().getBoolean() && !gradient.isNaN().any().getBoolean();
            }
        }
        return finite;
    }

    /**
     * Moves the scale after a step whose gradients were {@code finite} or not, as GradScaler's {@code update}.
     *
     * @return whether the step was taken (false: skipped)
     */
    boolean update(boolean finite) {
        if (!finite) {
            scale = (float) (scale * settings.backoffFactor());
            goodSteps = 0;
            skippedSteps++;
            return false;
        }
        goodSteps++;
        if (goodSteps == settings.growthInterval()) {
            float grown = (float) (scale * settings.growthFactor());
            if (Float.isFinite(grown)) {
                scale = grown;
            }
            goodSteps = 0;
        }
        return true;
    }

    /** The scaler's state now. */
    public State state() {
        return new State(scale, goodSteps, skippedSteps);
    }

    /** Continues from {@code state}, as saved by {@link #state()}. */
    public void restore(State state) {
        this.scale = state.scale();
        this.goodSteps = state.goodSteps();
        this.skippedSteps = state.skippedSteps();
    }
}
