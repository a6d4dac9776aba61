package org.voxseg.data.evaluation;

/**
 * What a metric is when masks are empty, where no formula applies. BraTS scores an empty prediction of an empty
 * reference as a perfect Dice (1) and Hausdorff distance 0, and one empty mask against a non-empty one as Dice 0
 * and a Hausdorff distance of 373.13 mm (the diagonal of the BraTS volume); MONAI returns NaN for both cases.
 *
 * @param diceBothEmpty Dice when prediction and reference are both empty
 * @param distanceBothEmpty Hausdorff 95 when both are empty
 * @param distanceOneEmpty Hausdorff 95 when exactly one is empty
 */
public record EmptyMaskConvention(double diceBothEmpty, double distanceBothEmpty, double distanceOneEmpty) {

    /** BraTS's convention. */
    public static EmptyMaskConvention brats() {
        return new EmptyMaskConvention(1, 0, 373.13);
    }

    /** MONAI's convention: undefined values are NaN and left out of summaries. */
    public static EmptyMaskConvention undefined() {
        return new EmptyMaskConvention(Double.NaN, Double.NaN, Double.NaN);
    }
}
