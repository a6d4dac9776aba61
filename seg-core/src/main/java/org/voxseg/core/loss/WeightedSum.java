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
public record WeightedSum(List<SegmentationLoss> losses, List<Double> weights) implements SegmentationLoss {

    public WeightedSum {
        losses = List.copyOf(losses);
        weights = List.copyOf(weights);
        if (losses.size() != weights.size() || losses.isEmpty()) {
            throw new IllegalArgumentException(losses.size() + " losses need as many weights, not " + weights.size());
        }
    }

    @Override
    public NDArray evaluate(NDArray outputs, NDArray targets) {
        NDArray total = losses.get(0).evaluate(outputs, targets).mul(weights.get(0).floatValue());
        for (int i = 1; i < losses.size(); i++) {
            total = total.add(losses.get(i).evaluate(outputs, targets).mul(weights.get(i).floatValue()));
        }
        return total;
    }
}
