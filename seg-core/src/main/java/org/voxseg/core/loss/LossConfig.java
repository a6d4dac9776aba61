package org.voxseg.core.loss;

import java.util.List;
import java.util.Objects;

/**
 * The config's {@code loss} section: a loss by name with MONAI's parameter names and defaults, e.g.
 * {@code {"name": "dice_bce", "include_background": true, "smooth_nr": 1e-5}}. One record per loss, each with
 * exactly its own keys, built by the section's one {@link LossConfigBuilder}, which holds the defaults and refuses a
 * key of another loss.
 *
 * <p>Every loss has {@code activation}: sigmoid (regions), softmax (classes) or none (outputs are probabilities).
 * Overlap losses have {@code include_background} (channel 0 counts), {@code squared_pred} (Dice's denominator sums
 * squares), {@code smooth_nr} and {@code smooth_dr} (added to numerators and denominators) and {@code batch} (sums
 * run over the batch too).
 */
public sealed interface LossConfig {

    /** The names {@code name} may take; the first is the default. */
    List<String> NAMES = List.of("dice", "jaccard", "tversky", "bce", "ce", "focal", "dice_bce", "dice_ce",
            "dice_focal");

    /** The loss's config name, e.g. {@code dice_bce}. */
    String name();

    /** The activation that turns the network's outputs into probabilities. */
    OutputActivation activation();

    /** The loss this section describes. */
    SegmentationLoss build();

    /** A builder of any loss, Dice with MONAI's defaults until told otherwise. */
    static LossConfigBuilder builder() {
        return new LossConfigBuilder();
    }

    /** The section an empty or absent {@code loss} gives: Dice after a sigmoid. */
    static LossConfig defaults() {
        return builder().build();
    }

    /** Soft Dice ({@code dice}, MONAI's {@code DiceLoss}). */
    record Dice(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig, OverlapKeys {

        public Dice {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return diceLoss(false);
        }

        @Override
        public String name() {
            return "dice";
        }
    }

    /** Soft Jaccard ({@code jaccard}, MONAI's {@code DiceLoss(jaccard=True)}). */
    record Jaccard(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig, OverlapKeys {

        public Jaccard {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return diceLoss(true);
        }

        @Override
        public String name() {
            return "jaccard";
        }
    }

    /** Tversky ({@code tversky}): {@code alpha} weighs false positives, {@code beta} false negatives. */
    record Tversky(OutputActivation activation, boolean includeBackground, double alpha, double beta, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig {

        public Tversky {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return new TverskyLoss(activation, includeBackground, alpha, beta, smoothNr, smoothDr, batch);
        }

        @Override
        public String name() {
            return "tversky";
        }
    }

    /** Cross-entropy for the activation ({@code bce}, or {@code ce}, which reads the same). */
    record CrossEntropy(OutputActivation activation) implements LossConfig {

        public CrossEntropy {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return new CrossEntropyLoss(activation);
        }

        @Override
        public String name() {
            return "bce";
        }
    }

    /** Focal loss ({@code focal}): exponent {@code gamma}, positive weight {@code alpha} (NaN: none). */
    record Focal(OutputActivation activation, double gamma, double alpha) implements LossConfig {

        public Focal {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return new FocalLoss(activation, gamma, alpha);
        }

        @Override
        public String name() {
            return "focal";
        }
    }

    /** Dice plus cross-entropy ({@code dice_bce}, or {@code dice_ce}), weighted by the lambdas. */
    record DiceCrossEntropy(OutputActivation activation, boolean includeBackground, boolean squaredPred,
            double smoothNr, double smoothDr, boolean batch, double lambdaDice, double lambdaCe)
            implements LossConfig, OverlapKeys {

        public DiceCrossEntropy {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return new WeightedSum(List.of(diceLoss(false), new CrossEntropyLoss(activation)),
                    new double[] {lambdaDice, lambdaCe});
        }

        @Override
        public String name() {
            return "dice_bce";
        }
    }

    /** Dice plus focal loss ({@code dice_focal}), weighted by the lambdas. */
    record DiceFocal(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch, double gamma, double alpha, double lambdaDice,
            double lambdaCe) implements LossConfig, OverlapKeys {

        public DiceFocal {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public SegmentationLoss build() {
            return new WeightedSum(List.of(diceLoss(false), new FocalLoss(activation, gamma, alpha)),
                    new double[] {lambdaDice, lambdaCe});
        }

        @Override
        public String name() {
            return "dice_focal";
        }
    }
}
