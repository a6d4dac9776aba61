package org.voxseg.core.optim;

import java.util.List;
import org.voxseg.core.config.variant.VariantBuilder;

/**
 * Builds the {@code optimizer} section for Java callers and the JSON reader alike: {@link #name} picks the optimiser
 * (Adam by default), the other setters are the section's keys with PyTorch's and MONAI's defaults, and
 * {@link #build()} refuses a key the chosen optimiser does not have. Unless set, {@code betas} are (0.9, 0.999), or
 * (0.9, 0.98) for Novograd, and {@code weight_decay} is 0, or 0.01 for AdamW.
 */
public final class OptimizerConfigBuilder extends VariantBuilder<OptimizerConfigBuilder> {

    private double learningRate = 1e-3;
    private Betas betas;
    private double epsilon = 1e-8;
    private double weightDecay;
    private double clipGradNorm = Double.NaN;
    private List<ParameterGroup> parameterGroups = List.of();
    private double momentum;
    private double dampening;
    private boolean nesterov;
    private boolean gradientAveraging;
    private boolean amsgrad;

    OptimizerConfigBuilder() {
        super("optimizer", OptimizerConfig.NAMES);
    }

    /** The base rate (key {@code lr}). */
    public OptimizerConfigBuilder learningRate(double value) {
        keys.set("learningRate");
        learningRate = value;
        return this;
    }

    public OptimizerConfigBuilder betas(Betas value) {
        keys.set("betas");
        betas = value;
        return this;
    }

    /** Key {@code eps}. */
    public OptimizerConfigBuilder epsilon(double value) {
        keys.set("epsilon");
        epsilon = value;
        return this;
    }

    public OptimizerConfigBuilder weightDecay(double value) {
        keys.set("weightDecay");
        weightDecay = value;
        return this;
    }

    public OptimizerConfigBuilder clipGradNorm(double value) {
        keys.set("clipGradNorm");
        clipGradNorm = value;
        return this;
    }

    /** Key {@code param_groups}. */
    public OptimizerConfigBuilder parameterGroups(List<ParameterGroup> value) {
        keys.set("parameterGroups");
        parameterGroups = value;
        return this;
    }

    public OptimizerConfigBuilder momentum(double value) {
        keys.set("momentum");
        momentum = value;
        return this;
    }

    public OptimizerConfigBuilder dampening(double value) {
        keys.set("dampening");
        dampening = value;
        return this;
    }

    public OptimizerConfigBuilder nesterov(boolean value) {
        keys.set("nesterov");
        nesterov = value;
        return this;
    }

    /** Key {@code grad_averaging}. */
    public OptimizerConfigBuilder gradientAveraging(boolean value) {
        keys.set("gradientAveraging");
        gradientAveraging = value;
        return this;
    }

    public OptimizerConfigBuilder amsgrad(boolean value) {
        keys.set("amsgrad");
        amsgrad = value;
        return this;
    }

    /**
     * The named optimiser.
     *
     * @throws IllegalArgumentException if the name is unknown, a key set is not one of the optimiser's, or a value
     *         is out of range
     */
    public OptimizerConfig build() {
        if (!(Double.isNaN(clipGradNorm) || clipGradNorm > 0)) {
            throw new IllegalArgumentException("clip_grad_norm must be positive (or absent), not " + clipGradNorm);
        }
        String name = keys.name();
        return keys.checked(switch (name) {
            case "adam" -> new OptimizerConfig.AdamSettings(learningRate, betasOr(Betas.ADAM), epsilon, weightDecay,
                    clipGradNorm, parameterGroups);
            case "adamw" -> new OptimizerConfig.AdamWSettings(learningRate, betasOr(Betas.ADAM), epsilon,
                    keys.isSet("weightDecay") ? weightDecay : 0.01, clipGradNorm, parameterGroups);
            case "sgd" -> new OptimizerConfig.SgdSettings(learningRate, momentum, dampening, nesterov, weightDecay,
                    clipGradNorm, parameterGroups);
            case "novograd" -> new OptimizerConfig.NovogradSettings(learningRate, betasOr(Betas.NOVOGRAD), epsilon,
                    weightDecay, gradientAveraging, amsgrad, clipGradNorm, parameterGroups);
            default -> throw new IllegalStateException("no optimizer " + name);
        });
    }

    private Betas betasOr(Betas defaults) {
        return keys.isSet("betas") ? betas : defaults;
    }
}
