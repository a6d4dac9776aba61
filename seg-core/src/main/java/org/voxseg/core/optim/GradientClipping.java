package org.voxseg.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/** PyTorch's {@code clip_grad_norm_}: scales all gradients together so their joint L2 norm is at most a maximum. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales the gradients of {@code parameters} by {@code maxNorm / (norm + 1e-6)} when that is below 1.
     *
     * @return the joint norm before clipping
     */
    public static double clipByNorm(PairList<String, Parameter> parameters, double maxNorm) {
        double squares = 0;
        for (Pair<String, Parameter> entry : parameters) {
            if (entry.getValue().requiresGradient()) {
                NDArray gradient = entry.getValue().getArray().getGradient();
                try (NDManager scope = gradient.getManager().newSubManager()) {
                    scope.tempAttachAll(gradient);
                    squares += gradient.square().sum().getFloat();
                }
            }
        }
        double norm = Math.sqrt(squares);
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1) {
            for (Pair<String, Parameter> entry : parameters) {
                if (entry.getValue().requiresGradient()) {
                    entry.getValue().getArray().getGradient().muli((float) coefficient);
                }
            }
        }
        return norm;
    }
}
