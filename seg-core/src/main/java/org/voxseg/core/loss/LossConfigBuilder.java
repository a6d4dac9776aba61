package org.voxseg.core.loss;

import org.voxseg.core.config.variant.VariantBuilder;

/**
 * Builds the {@code loss} section for Java callers and the JSON reader alike: {@link #name} picks the loss (Dice by
 * default), the other setters are the section's keys with MONAI's defaults, and {@link #build()} refuses a key the
 * chosen loss does not have. {@code alpha} defaults to 0.5 for Tversky and to none (NaN) for the focal losses.
 */
public final class LossConfigBuilder extends VariantBuilder<LossConfigBuilder> {

    private OutputActivation activation = OutputActivation.SIGMOID;
    private boolean includeBackground = true;
    private boolean squaredPred;
    private double smoothNr = 1e-5;
    private double smoothDr = 1e-5;
    private boolean batch;
    private double alpha;
    private double beta = 0.5;
    private double gamma = 2;
    private double lambdaDice = 1;
    private double lambdaCe = 1;

    LossConfigBuilder() {
        super("loss", LossConfig.NAMES);
    }

    public LossConfigBuilder activation(OutputActivation value) {
        keys.set("activation");
        activation = value;
        return this;
    }

    public LossConfigBuilder includeBackground(boolean value) {
        keys.set("includeBackground");
        includeBackground = value;
        return this;
    }

    public LossConfigBuilder squaredPred(boolean value) {
        keys.set("squaredPred");
        squaredPred = value;
        return this;
    }

    public LossConfigBuilder smoothNr(double value) {
        keys.set("smoothNr");
        smoothNr = value;
        return this;
    }

    public LossConfigBuilder smoothDr(double value) {
        keys.set("smoothDr");
        smoothDr = value;
        return this;
    }

    public LossConfigBuilder batch(boolean value) {
        keys.set("batch");
        batch = value;
        return this;
    }

    public LossConfigBuilder alpha(double value) {
        keys.set("alpha");
        alpha = value;
        return this;
    }

    public LossConfigBuilder beta(double value) {
        keys.set("beta");
        beta = value;
        return this;
    }

    public LossConfigBuilder gamma(double value) {
        keys.set("gamma");
        gamma = value;
        return this;
    }

    public LossConfigBuilder lambdaDice(double value) {
        keys.set("lambdaDice");
        lambdaDice = value;
        return this;
    }

    public LossConfigBuilder lambdaCe(double value) {
        keys.set("lambdaCe");
        lambdaCe = value;
        return this;
    }

    /**
     * The named loss.
     *
     * @throws IllegalArgumentException if the name is unknown or a key set is not one of the loss's
     */
    public LossConfig build() {
        String name = keys.name();
        double focalAlpha = keys.isSet("alpha") ? alpha : Double.NaN;
        return keys.checked(switch (name) {
            case "dice" -> new LossConfig.Dice(activation, includeBackground, squaredPred, smoothNr, smoothDr, batch);
            case "jaccard" -> new LossConfig.Jaccard(activation, includeBackground, squaredPred, smoothNr, smoothDr,
                    batch);
            case "tversky" -> new LossConfig.Tversky(activation, includeBackground, keys.isSet("alpha") ? alpha : 0.5,
                    beta, smoothNr, smoothDr, batch);
            case "bce", "ce" -> new LossConfig.CrossEntropy(activation);
            case "focal" -> new LossConfig.Focal(activation, gamma, focalAlpha);
            case "dice_bce", "dice_ce" -> new LossConfig.DiceCrossEntropy(activation, includeBackground, squaredPred,
                    smoothNr, smoothDr, batch, lambdaDice, lambdaCe);
            case "dice_focal" -> new LossConfig.DiceFocal(activation, includeBackground, squaredPred, smoothNr,
                    smoothDr, batch, gamma, focalAlpha, lambdaDice, lambdaCe);
            default -> throw new IllegalStateException("no loss " + name);
        });
    }
}
