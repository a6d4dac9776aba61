package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Mirror test-time augmentation (nnU-Net): the mean of the predictions for the windows flipped along each chosen
 * set of spatial axes, each flipped back ({@link MirrorAxes#flips()}: every combination of the chosen axes).
 */
public final class MirroredPredictor implements Predictor {

    private final Predictor inner;
    private final List<int[]> flips;

    /**
     * @param flips sets of tensor axes to flip together (2 = z, 3 = y, 4 = x); an empty set is the identity
     */
    public MirroredPredictor(Predictor inner, List<int[]> flips) {
        if (flips.isEmpty()) {
            throw new IllegalArgumentException("at least one flip set (the empty set is the plain prediction)");
        }
        this.inner = inner;
        this.flips = flips.stream().map(int[]::clone).toList();
    }

    /** Each flip runs in its own scope, so only the running sum outlives it (not 8 inputs and outputs). */
    @Override
    public NDArray predict(NDArray windows) {
        NDManager parent = windows.getManager();
        NDArray sum = null;
        for (int[] axes : flips) {
            try (NDManager scope = parent.newSubManager()) {
                scope.tempAttachAll(windows);
                NDArray prediction = axes.length == 0 ? inner.predict(windows)
                        : inner.predict(windows.flip(axes)).flip(axes);
                if (sum == null) {
                    sum = prediction;
                    sum.attach(parent);
                } else {
                    sum.addi(prediction);
                }
            }
        }
        return sum.divi(flips.size());
    }
}
