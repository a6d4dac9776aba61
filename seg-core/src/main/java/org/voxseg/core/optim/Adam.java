package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam and AdamW with PyTorch's update order: L2 weight decay added to the gradient (Adam) or decoupled as
 * {@code w *= 1 - rate * decay} (AdamW); {@code m += (1 - b1)(g - m)}, {@code v = b2 v + (1 - b2) g²},
 * {@code w -= rate / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 */
public final class Adam extends Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    /**
     * @param decoupled AdamW's decoupled weight decay instead of L2 regularisation
     */
    public Adam(NDManager manager, double beta1, double beta2, double epsilon, double weightDecay,
            boolean decoupled) {
        super(manager);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1): " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, long step, double rate, NDManager scope) {
        NDArray g = gradient;
        if (weightDecay != 0 && decoupled) {
            weight.muli((float) (1 - rate * weightDecay));
        } else if (weightDecay != 0) {
            g = gradient.add(weight.mul((float) weightDecay));
        }
        NDArray m = buffer("exp_avg", name, weight, scope);
        NDArray v = buffer("exp_avg_sq", name, weight, scope);
        m.addi(g.sub(m).mul((float) (1 - beta1)));
        v.muli((float) beta2).addi(g.square().mul((float) (1 - beta2)));
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
        NDArray denominator = v.sqrt().div((float) correction2).add((float) epsilon);
        weight.subi(m.div(denominator).mul((float) (rate / correction1)));
    }
}
