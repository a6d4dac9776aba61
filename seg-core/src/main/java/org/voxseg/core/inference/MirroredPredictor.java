package org.voxseg.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirror test-time augmentation (nnU-Net): the mean of the predictions for the windows flipped along each chosen
 * set of spatial axes, each flipped back. All eight sets of the three axes, or any subset.
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

    /** All eight combinations of flipping z, y and x, the identity first. */
    public static List<int[]> allFlips() {
        List<int[]> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            List<Integer> axes = new ArrayList<>();
            for (int bit = 0; bit < 3; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    axes.add(4 - bit);
                }
            }
            sets.add(axes.stream().mapToInt(Integer::intValue).toArray());
        }
        return sets;
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
