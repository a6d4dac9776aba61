package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Novograd (Ginsburg et al., "Stochastic Gradient Methods with Layer-wise Adaptive Moments for Training of Deep
 * Networks") as MONAI implements it: the second moment is one number per parameter tensor,
 * {@code v = ||g||²} on the first step, then {@code v = b2 v + (1 - b2) ||g||²}; the step direction is
 * {@code g / (sqrt(v) + eps) + decay w} (times {@code 1 - b1} with gradient averaging), accumulated as
 * {@code m = b1 m + direction}; {@code w -= rate * m}. With AMSGrad the largest v so far is used.
 */
public final class Novograd extends Optimizer {

    private static final Shape SCALAR = new Shape();

    private final Betas betas;
    private final double epsilon;
    private final boolean gradientAveraging;
    private final boolean amsgrad;

    public Novograd(NDManager manager, UpdatePlan plan, double beta1, double beta2, double epsilon,
            boolean gradientAveraging, boolean amsgrad) {
        super(manager, plan);
        this.betas = new Betas(beta1, beta2);
        this.epsilon = epsilon;
        this.gradientAveraging = gradientAveraging;
        this.amsgrad = amsgrad;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, Hyper hyper, NDManager scope) {
        NDArray m = buffer("exp_avg", name, weight.getShape(), scope);
        NDArray v = buffer("exp_avg_sq", name, SCALAR, scope);
        NDArray norm = gradient.square().sum();
        if (v.getFloat() == 0) {
            v.addi(norm);
        } else {
            v.muli((float) betas.beta2()).addi(norm.mul((float) (1 - betas.beta2())));
        }
        NDArray second = v;
        if (amsgrad) {
            NDArray max = buffer("max_exp_avg_sq", name, SCALAR, scope);
            max.addi(v.maximum(max).sub(max));
            second = max;
        }
        NDArray direction = gradient.div(second.sqrt().add((float) epsilon));
        if (hyper.weightDecay() != 0) {
            direction = direction.add(weight.mul((float) hyper.weightDecay()));
        }
        if (gradientAveraging) {
            direction = direction.mul((float) (1 - betas.beta1()));
        }
        m.muli((float) betas.beta1()).addi(direction);
        weight.subi(m.mul((float) hyper.rate()));
    }
}
