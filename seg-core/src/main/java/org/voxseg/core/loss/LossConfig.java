package org.voxseg.core.loss;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The config's {@code loss} section: a loss by name with MONAI's parameter names and defaults, e.g.
 * {@code {"name": "dice_bce", "include_background": true, "smooth_nr": 1e-5}}.
 *
 * <p>Names: {@code dice}, {@code jaccard}, {@code tversky}, {@code bce} / {@code ce} (cross-entropy for the
 * activation), {@code focal}, {@code dice_bce} / {@code dice_ce} (Dice plus cross-entropy), {@code dice_focal}.
 *
 * @param name which loss
 * @param activation "sigmoid" (regions), "softmax" (classes) or "none" (outputs are probabilities)
 * @param includeBackground whether channel 0 counts in overlap losses
 * @param squaredPred whether Dice's denominator sums squares
 * @param smoothNr added to overlap numerators
 * @param smoothDr added to overlap denominators
 * @param batch whether overlap sums run over the batch too
 * @param alpha Tversky's false-positive weight, or focal's positive weight (NaN: none)
 * @param beta Tversky's false-negative weight
 * @param gamma focal exponent
 * @param lambdaDice weight of the Dice term in combined losses
 * @param lambdaCe weight of the cross-entropy or focal term in combined losses
 */
public record LossConfig(String name, String activation, boolean includeBackground, boolean squaredPred,
        double smoothNr, double smoothDr, boolean batch, double alpha, double beta, double gamma, double lambdaDice,
        double lambdaCe) {

    /** The names {@link #build()} knows. */
    public static final List<String> NAMES = List.of("dice", "jaccard", "tversky", "bce", "ce", "focal", "dice_bce",
            "dice_ce", "dice_focal");

    /** Reads a loss section; absent fields take MONAI's defaults (Dice with sigmoid, smooth 1e-5). */
    @JsonCreator
    public static LossConfig of(@JsonProperty("name") String name, @JsonProperty("activation") String activation,
            @JsonProperty("include_background") Boolean includeBackground,
            @JsonProperty("squared_pred") Boolean squaredPred, @JsonProperty("smooth_nr") Double smoothNr,
            @JsonProperty("smooth_dr") Double smoothDr, @JsonProperty("batch") Boolean batch,
            @JsonProperty("alpha") Double alpha, @JsonProperty("beta") Double beta,
            @JsonProperty("gamma") Double gamma, @JsonProperty("lambda_dice") Double lambdaDice,
            @JsonProperty("lambda_ce") Double lambdaCe) {
        String loss = name == null ? "dice" : name;
        boolean tversky = "tversky".equals(loss);
        return new LossConfig(loss, activation == null ? "sigmoid" : activation,
                includeBackground == null || includeBackground, squaredPred != null && squaredPred,
                smoothNr == null ? 1e-5 : smoothNr, smoothDr == null ? 1e-5 : smoothDr, batch != null && batch,
                alpha == null ? (tversky ? 0.5 : Double.NaN) : alpha, beta == null ? 0.5 : beta,
                gamma == null ? 2 : gamma, lambdaDice == null ? 1 : lambdaDice, lambdaCe == null ? 1 : lambdaCe);
    }

    /**
     * The loss this section describes.
     *
     * @throws IllegalArgumentException for an unknown name or activation, naming the valid ones
     */
    public SegmentationLoss build() {
        OutputActivation act = outputActivation();
        DiceLoss dice = new DiceLoss(act, includeBackground, squaredPred, smoothNr, smoothDr, batch, false);
        return switch (name) {
            case "dice" -> dice;
            case "jaccard" -> new DiceLoss(act, includeBackground, squaredPred, smoothNr, smoothDr, batch, true);
            case "tversky" -> new TverskyLoss(act, includeBackground, alpha, beta, smoothNr, smoothDr, batch);
            case "bce", "ce" -> new CrossEntropyLoss(act);
            case "focal" -> new FocalLoss(act, gamma, alpha);
            case "dice_bce", "dice_ce" -> new WeightedSum(List.of(dice, new CrossEntropyLoss(act)),
                    new double[] {lambdaDice, lambdaCe});
            case "dice_focal" -> new WeightedSum(List.of(dice, new FocalLoss(act, gamma, alpha)),
                    new double[] {lambdaDice, lambdaCe});
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; known: " + NAMES);
        };
    }

    private OutputActivation outputActivation() {
        try {
            return OutputActivation.valueOf(activation.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + activation + "'; known: sigmoid, softmax, none",
                    e);
        }
    }
}
