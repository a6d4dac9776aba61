package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam and AdamW with PyTorch's update order: L2 weight decay added to the gradient (Adam) or decoupled as
 * {@code w *= 1 - rate * decay} (AdamW); {@code m += (1 - b1)(g - m)}, {@code v = b2 v + (1 - b2) g²},
 * {@code w -= rate / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 */
public final class Adam extends Optimizer {

    private final Betas betas;
    private final double epsilon;
    private final boolean decoupled;

    /**
     * @param decoupled AdamW's decoupled weight decay instead of L2 regularisation
     */
    public Adam(NDManager manager, UpdatePlan plan, double beta1, double beta2, double epsilon, boolean decoupled) {
        super(manager, plan);
        this.betas = new Betas(beta1, beta2);
        this.epsilon = epsilon;
        this.decoupled = decoupled;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, Hyper hyper, NDManager scope) {
        NDArray g = gradient;
        double decay = hyper.weightDecay();
        if (decay != 0 && decoupled) {
            weight.muli((float) (1 - hyper.rate() * decay));
        } else if (decay != 0) {
            g = gradient.add(weight.mul((float) decay));
        }
        NDArray m = buffer("exp_avg", name, weight.getShape(), scope);
        NDArray v = buffer("exp_avg_sq", name, weight.getShape(), scope);
        m.addi(g.sub(m).mul((float) (1 - betas.beta1())));
        v.muli((float) betas.beta2()).addi(g.square().mul((float) (1 - betas.beta2())));
        double correction1 = 1 - Math.pow(betas.beta1(), hyper.step());
        double correction2 = Math.sqrt(1 - Math.pow(betas.beta2(), hyper.step()));
        NDArray denominator = v.sqrt().div((float) correction2).add((float) epsilon);
        weight.subi(m.div(denominator).mul((float) (hyper.rate() / correction1)));
    }
}
