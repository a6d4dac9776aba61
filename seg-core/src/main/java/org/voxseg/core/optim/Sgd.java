package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * SGD with PyTorch's momentum semantics: {@code g += decay w}; the momentum buffer starts as the first gradient,
 * then {@code b = momentum b + (1 - dampening) g}; Nesterov steps along {@code g + momentum b}, plain momentum along
 * {@code b}; {@code w -= rate * step}.
 */
public final class Sgd extends Optimizer {

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;

    public Sgd(NDManager manager, UpdatePlan plan, double momentum, double dampening, boolean nesterov) {
        super(manager, plan);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0 and dampening 0");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, Hyper hyper, NDManager scope) {
        NDArray g = hyper.weightDecay() == 0 ? gradient : gradient.add(weight.mul((float) hyper.weightDecay()));
        if (momentum != 0) {
            boolean first = !hasBuffer("momentum_buffer", name);
            NDArray buffer = buffer("momentum_buffer", name, weight.getShape(), scope);
            if (first) {
                buffer.addi(g);
            } else {
                buffer.muli((float) momentum).addi(g.mul((float) (1 - dampening)));
            }
            g = nesterov ? g.add(buffer.mul((float) momentum)) : buffer;
        }
        weight.subi(g.mul((float) hyper.rate()));
    }
}
