package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;

/**
 * nnU-Net's deep supervision: the loss of each decoder output, finest first, against the targets taken at that
 * output's resolution (nearest, by striding), weighted by 1, 1/2, 1/4, ... with the coarsest output's weight 0,
 * normalised to sum 1.
 */
public final class DeepSupervisionLoss {

    private final SegmentationLoss loss;
    private final double[] weights;

    /**
     * @param loss the loss at every resolution
     * @param outputs the number of outputs (the full-resolution one and the deep-supervision heads)
     */
    public DeepSupervisionLoss(SegmentationLoss loss, int outputs) {
        this.loss = loss;
        this.weights = nnunetWeights(outputs);
    }

    /** 1, 1/2, 1/4, ... with the last set to 0 (when there are several), normalised to sum 1. */
    static double[] nnunetWeights(int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("at least one output: " + outputs);
        }
        double[] weights = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            weights[i] = 1 / Math.pow(2, i);
        }
        if (outputs > 1) {
            weights[outputs - 1] = 0;
        }
        double sum = Arrays.stream(weights).sum();
        return Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    public double[] weights() {
        return weights.clone();
    }

    /**
     * The weighted loss of all outputs.
     *
     * @param outputs the network's outputs, full resolution first, each an integer fraction of the targets' size
     * @throws IllegalArgumentException if the number of outputs differs from the construction's
     */
    public NDArray evaluate(NDList outputs, NDArray targets) {
        if (outputs.size() != weights.length) {
            throw new IllegalArgumentException(weights.length + " outputs expected, not " + outputs.size());
        }
        NDArray total = null;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            NDArray term = loss.evaluate(outputs.get(i), downsample(targets, outputs.get(i))).mul((float) weights[i]);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** {@code targets} strided down to the spatial size of {@code output}. */
    static NDArray downsample(NDArray targets, NDArray output) {
        long[] full = targets.getShape().getShape();
        long[] small = output.getShape().getShape();
        if (Arrays.equals(full, small)) {
            return targets;
        }
        StringBuilder index = new StringBuilder(":, :");
        for (int d = 2; d < full.length; d++) {
            if (full[d] % small[d] != 0) {
                throw new IllegalArgumentException("output " + output.getShape() + " is not an integer fraction of "
                        + targets.getShape());
            }
            index.append(", ::").append(full[d] / small[d]);
        }
        return targets.get(new NDIndex(index.toString()));
    }
}
