package org.voxseg.core.loss;

import java.util.List;
import java.util.Objects;

/**
 * The config's {@code loss} section: a loss by name with MONAI's parameter names and defaults, e.g.
 * {@code {"name": "dice_bce", "include_background": true, "smooth_nr": 1e-5}}. One record per loss, each with
 * exactly its own keys, so a key of another loss is refused when the config is read.
 *
 * <p>Every loss has {@code activation}: sigmoid (regions), softmax (classes) or none (outputs are probabilities).
 * Overlap losses have {@code include_background} (channel 0 counts), {@code squared_pred} (Dice's denominator sums
 * squares), {@code smooth_nr} and {@code smooth_dr} (added to numerators and denominators) and {@code batch} (sums
 * run over the batch too).
 */
public sealed interface LossConfig {

    /** The names {@code name} may take. */
    List<String> NAMES = List.of("dice", "jaccard", "tversky", "bce", "ce", "focal", "dice_bce", "dice_ce",
            "dice_focal");

    /** The loss's config name, e.g. {@code dice_bce}. */
    String name();

    /** The activation that turns the network's outputs into probabilities. */
    OutputActivation activation();

    /** The loss this section describes. */
    SegmentationLoss build();

    /** The section an empty or absent {@code loss} gives: Dice after a sigmoid. */
    static LossConfig defaults() {
        return Dice.builder().build();
    }

    /** Soft Dice ({@code dice}, MONAI's {@code DiceLoss}). */
    record Dice(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig {

        public Dice {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "dice";
        }

        @Override
        public SegmentationLoss build() {
            return new DiceLoss(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch, false);
        }

        /** Builds a {@link Dice} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private boolean includeBackground = true;
            private boolean squaredPred;
            private double smoothNr = 1e-5;
            private double smoothDr = 1e-5;
            private boolean batch;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder includeBackground(boolean value) {
                includeBackground = value;
                return this;
            }

            public Builder squaredPred(boolean value) {
                squaredPred = value;
                return this;
            }

            public Builder smoothNr(double value) {
                smoothNr = value;
                return this;
            }

            public Builder smoothDr(double value) {
                smoothDr = value;
                return this;
            }

            public Builder batch(boolean value) {
                batch = value;
                return this;
            }

            public Dice build() {
                return new Dice(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch);
            }
        }
    }

    /** Soft Jaccard ({@code jaccard}, MONAI's {@code DiceLoss(jaccard=True)}). */
    record Jaccard(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig {

        public Jaccard {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "jaccard";
        }

        @Override
        public SegmentationLoss build() {
            return new DiceLoss(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch, true);
        }

        /** Builds a {@link Jaccard} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private boolean includeBackground = true;
            private boolean squaredPred;
            private double smoothNr = 1e-5;
            private double smoothDr = 1e-5;
            private boolean batch;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder includeBackground(boolean value) {
                includeBackground = value;
                return this;
            }

            public Builder squaredPred(boolean value) {
                squaredPred = value;
                return this;
            }

            public Builder smoothNr(double value) {
                smoothNr = value;
                return this;
            }

            public Builder smoothDr(double value) {
                smoothDr = value;
                return this;
            }

            public Builder batch(boolean value) {
                batch = value;
                return this;
            }

            public Jaccard build() {
                return new Jaccard(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch);
            }
        }
    }

    /** Tversky ({@code tversky}): {@code alpha} weighs false positives, {@code beta} false negatives. */
    record Tversky(OutputActivation activation, boolean includeBackground, double alpha, double beta, double smoothNr,
            double smoothDr, boolean batch) implements LossConfig {

        public Tversky {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "tversky";
        }

        @Override
        public SegmentationLoss build() {
            return new TverskyLoss(activation, includeBackground, alpha, beta, smoothNr, smoothDr, batch);
        }

        /** Builds a {@link Tversky} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private boolean includeBackground = true;
            private double alpha = 0.5;
            private double beta = 0.5;
            private double smoothNr = 1e-5;
            private double smoothDr = 1e-5;
            private boolean batch;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder includeBackground(boolean value) {
                includeBackground = value;
                return this;
            }

            public Builder alpha(double value) {
                alpha = value;
                return this;
            }

            public Builder beta(double value) {
                beta = value;
                return this;
            }

            public Builder smoothNr(double value) {
                smoothNr = value;
                return this;
            }

            public Builder smoothDr(double value) {
                smoothDr = value;
                return this;
            }

            public Builder batch(boolean value) {
                batch = value;
                return this;
            }

            public Tversky build() {
                return new Tversky(activation, includeBackground, alpha, beta, smoothNr, smoothDr, batch);
            }
        }
    }

    /** Cross-entropy for the activation ({@code bce}, or {@code ce}, which reads the same). */
    record CrossEntropy(OutputActivation activation) implements LossConfig {

        public CrossEntropy {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "bce";
        }

        @Override
        public SegmentationLoss build() {
            return new CrossEntropyLoss(activation);
        }

        /** Builds a {@link CrossEntropy}. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public CrossEntropy build() {
                return new CrossEntropy(activation);
            }
        }
    }

    /** Focal loss ({@code focal}): exponent {@code gamma}, positive weight {@code alpha} (NaN: none). */
    record Focal(OutputActivation activation, double gamma, double alpha) implements LossConfig {

        public Focal {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "focal";
        }

        @Override
        public SegmentationLoss build() {
            return new FocalLoss(activation, gamma, alpha);
        }

        /** Builds a {@link Focal} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private double gamma = 2;
            private double alpha = Double.NaN;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder gamma(double value) {
                gamma = value;
                return this;
            }

            public Builder alpha(double value) {
                alpha = value;
                return this;
            }

            public Focal build() {
                return new Focal(activation, gamma, alpha);
            }
        }
    }

    /** Dice plus cross-entropy ({@code dice_bce}, or {@code dice_ce}), weighted by the lambdas. */
    record DiceCrossEntropy(OutputActivation activation, boolean includeBackground, boolean squaredPred,
            double smoothNr, double smoothDr, boolean batch, double lambdaDice, double lambdaCe) implements LossConfig {

        public DiceCrossEntropy {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "dice_bce";
        }

        @Override
        public SegmentationLoss build() {
            return new WeightedSum(List.of(new DiceLoss(activation, includeBackground, squaredPred, smoothNr, smoothDr,
                    batch, false), new CrossEntropyLoss(activation)),
                    new double[] {lambdaDice, lambdaCe});
        }

        /** Builds a {@link DiceCrossEntropy} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private boolean includeBackground = true;
            private boolean squaredPred;
            private double smoothNr = 1e-5;
            private double smoothDr = 1e-5;
            private boolean batch;
            private double lambdaDice = 1;
            private double lambdaCe = 1;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder includeBackground(boolean value) {
                includeBackground = value;
                return this;
            }

            public Builder squaredPred(boolean value) {
                squaredPred = value;
                return this;
            }

            public Builder smoothNr(double value) {
                smoothNr = value;
                return this;
            }

            public Builder smoothDr(double value) {
                smoothDr = value;
                return this;
            }

            public Builder batch(boolean value) {
                batch = value;
                return this;
            }

            public Builder lambdaDice(double value) {
                lambdaDice = value;
                return this;
            }

            public Builder lambdaCe(double value) {
                lambdaCe = value;
                return this;
            }

            public DiceCrossEntropy build() {
                return new DiceCrossEntropy(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch,
                        lambdaDice, lambdaCe);
            }
        }
    }

    /** Dice plus focal loss ({@code dice_focal}), weighted by the lambdas. */
    record DiceFocal(OutputActivation activation, boolean includeBackground, boolean squaredPred, double smoothNr,
            double smoothDr, boolean batch, double gamma, double alpha, double lambdaDice,
            double lambdaCe) implements LossConfig {

        public DiceFocal {
            Objects.requireNonNull(activation, "activation");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "dice_focal";
        }

        @Override
        public SegmentationLoss build() {
            return new WeightedSum(List.of(new DiceLoss(activation, includeBackground, squaredPred, smoothNr, smoothDr,
                    batch, false), new FocalLoss(activation, gamma, alpha)),
                    new double[] {lambdaDice, lambdaCe});
        }

        /** Builds a {@link DiceFocal} with MONAI's defaults. */
        public static final class Builder {
            private OutputActivation activation = OutputActivation.SIGMOID;
            private boolean includeBackground = true;
            private boolean squaredPred;
            private double smoothNr = 1e-5;
            private double smoothDr = 1e-5;
            private boolean batch;
            private double gamma = 2;
            private double alpha = Double.NaN;
            private double lambdaDice = 1;
            private double lambdaCe = 1;

            public Builder activation(OutputActivation value) {
                activation = value;
                return this;
            }

            public Builder includeBackground(boolean value) {
                includeBackground = value;
                return this;
            }

            public Builder squaredPred(boolean value) {
                squaredPred = value;
                return this;
            }

            public Builder smoothNr(double value) {
                smoothNr = value;
                return this;
            }

            public Builder smoothDr(double value) {
                smoothDr = value;
                return this;
            }

            public Builder batch(boolean value) {
                batch = value;
                return this;
            }

            public Builder gamma(double value) {
                gamma = value;
                return this;
            }

            public Builder alpha(double value) {
                alpha = value;
                return this;
            }

            public Builder lambdaDice(double value) {
                lambdaDice = value;
                return this;
            }

            public Builder lambdaCe(double value) {
                lambdaCe = value;
                return this;
            }

            public DiceFocal build() {
                return new DiceFocal(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch, gamma,
                        alpha, lambdaDice, lambdaCe);
            }
        }
    }
}
