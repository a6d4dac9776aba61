package org.voxseg.core.loss;

import static org.voxseg.core.network.OutputActivation.SIGMOID;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxseg.core.config.variant.Variants;
import org.voxseg.core.network.OutputActivation;

/**
 * The config's {@code loss} section: a loss by name with MONAI's parameter names and defaults, e.g.
 * {@code {"name": "dice_bce", "include_background": true, "smooth_nr": 1e-5}}. One record per loss, each with
 * exactly its own keys; {@link #VARIANTS} names each and holds its defaults, and the config reader refuses a key of
 * another loss.
 *
 * <p>Every loss has {@code activation}: sigmoid (regions), softmax (classes) or none (outputs are probabilities).
 * Overlap losses have {@code include_background} (channel 0 counts), {@code squared_pred} (Dice's denominator sums
 * squares), {@code smooth_nr} and {@code smooth_dr} (added to numerators and denominators) and {@code batch} (sums
 * run over the batch too).
 */
public sealed interface LossConfig {

    /**
     * Each name {@code name} may take with the loss it reads as before its other keys (MONAI's defaults); the first
     * is the default. {@code ce} reads as {@code bce}, {@code dice_ce} as {@code dice_bce}.
     */
    Map<String, LossConfig> VARIANTS = Variants.of(
            Map.entry("dice", new Dice(SIGMOID, true, false, 1e-5, 1e-5, false)),
            Map.entry("jaccard", new Jaccard(SIGMOID, true, false, 1e-5, 1e-5, false)),
            Map.entry("tversky", new Tversky(SIGMOID, true, 0.5, 0.5, 1e-5, 1e-5, false)),
            Map.entry("bce", new CrossEntropy(SIGMOID)),
            Map.entry("ce", new CrossEntropy(SIGMOID)),
            Map.entry("focal", new Focal(SIGMOID, 2, Double.NaN)),
            Map.entry("dice_bce", new DiceCrossEntropy(SIGMOID, true, false, 1e-5, 1e-5, false, 1, 1)),
            Map.entry("dice_ce", new DiceCrossEntropy(SIGMOID, true, false, 1e-5, 1e-5, false, 1, 1)),
            Map.entry("dice_focal", new DiceFocal(SIGMOID, true, false, 1e-5, 1e-5, false, 2, Double.NaN, 1, 1)));

    /** The names {@code name} may take; the first is the default. */
    List<String> NAMES = List.copyOf(VARIANTS.keySet());

    /** The loss's config name, e.g. {@code dice_bce}: the first name its variant has. */
    default String name() {
        return Variants.nameOf(VARIANTS, getClass());
    }

    /** The activation that turns the network's outputs into probabilities. */
    OutputActivation activation();

    /** The loss this section describes. */
    SegmentationLoss build();

    /** The section an empty or absent {@code loss} gives: Dice after a sigmoid. */
    static LossConfig defaults() {
        return VARIANTS.get(NAMES.get(0));
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
                    List.of(lambdaDice, lambdaCe));
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
                    List.of(lambdaDice, lambdaCe));
        }
    }
}
