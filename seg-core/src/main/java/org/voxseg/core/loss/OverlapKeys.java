package org.voxseg.core.loss;

import org.voxseg.core.network.OutputActivation;

/**
 * The keys of the losses with a Dice part ({@code dice}, {@code jaccard}, {@code dice_bce}, {@code dice_focal}),
 * which their records implement with their components, and the Dice loss they describe.
 */
interface OverlapKeys {

    OutputActivation activation();

    boolean includeBackground();

    boolean squaredPred();

    double smoothNr();

    double smoothDr();

    boolean batch();

    /** The Dice loss (Jaccard's if {@code jaccard}) of these keys. */
    default DiceLoss diceLoss(boolean jaccard) {
        return new DiceLoss(activation(), includeBackground(), squaredPred(), smoothNr(), smoothDr(), batch(),
                jaccard);
    }
}
