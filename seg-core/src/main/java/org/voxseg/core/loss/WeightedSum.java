package org.voxseg.core.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A weighted sum of losses on the same outputs: MONAI's DiceCELoss / DiceFocalLoss
 * ({@code lambda_dice * dice + lambda_ce * ce}).
 *
 * @param losses the terms
 * @param weights one weight per term
 */
public record WeightedSum(List<SegmentationLoss> losses, double[] weights) implements SegmentationLoss {

    public WeightedSum {
        losses = List.copyOf(losses);
        weights = weights.clone();
        if (losses.size() != weights.length || losses.isEmpty()) {
            throw new IllegalArgumentException(losses.size() + " losses need as many weights, not " + weights.length);
        }
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        NDArray total = losses.get(0).evaluate(outputs, targets).mul((float) weights[0]);
        for (int i = 1; i < losses.size(); i++) {
            total = total.add(losses.get(i).evaluate(outputs, targets).mul((float) weights[i]));
        }
        return total;
    }
}
