package org.voxseg.core.optim;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The config's {@code optimizer} section, with PyTorch's names and defaults, e.g.
 * {@code {"name": "adamw", "lr": 1e-4, "weight_decay": 1e-5, "clip_grad_norm": 12}}.
 *
 * @param name adam, adamw or sgd
 * @param learningRate the base learning rate ({@code lr}) that schedules scale
 * @param betas Adam's beta1 and beta2
 * @param epsilon Adam's eps
 * @param weightDecay L2 (Adam, SGD) or decoupled (AdamW) weight decay
 * @param momentum SGD momentum
 * @param dampening SGD dampening
 * @param nesterov SGD Nesterov momentum
 * @param clipGradNorm maximum joint gradient norm, or NaN for no clipping
 */
public record OptimizerConfig(String name, double learningRate, double[] betas, double epsilon, double weightDecay,
        double momentum, double dampening, boolean nesterov, double clipGradNorm) {

    /** The names {@link #build} knows. */
    public static final List<String> NAMES = List.of("adam", "adamw", "sgd");

    /** Reads an optimizer section; absent fields take PyTorch's defaults (AdamW's weight decay 0.01). */
    @JsonCreator
    public static OptimizerConfig of(@JsonProperty("name") String name, @JsonProperty("lr") Double learningRate,
            @JsonProperty("betas") double[] betas, @JsonProperty("eps") Double epsilon,
            @JsonProperty("weight_decay") Double weightDecay, @JsonProperty("momentum") Double momentum,
            @JsonProperty("dampening") Double dampening, @JsonProperty("nesterov") Boolean nesterov,
            @JsonProperty("clip_grad_norm") Double clipGradNorm) {
        String optimizer = name == null ? "adam" : name;
        double defaultDecay = "adamw".equals(optimizer) ? 0.01 : 0;
        return new OptimizerConfig(optimizer, learningRate == null ? 1e-3 : learningRate,
                betas == null ? new double[] {0.9, 0.999} : betas, epsilon == null ? 1e-8 : epsilon,
                weightDecay == null ? defaultDecay : weightDecay, momentum == null ? 0 : momentum,
                dampening == null ? 0 : dampening, nesterov != null && nesterov,
                clipGradNorm == null ? Double.NaN : clipGradNorm);
    }

    public OptimizerConfig {
        betas = betas.clone();
        if (betas.length != 2) {
            throw new IllegalArgumentException("betas needs two values, not " + betas.length);
        }
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("lr must not be negative: " + learningRate);
        }
    }

    @Override
    public double[] betas() {
        return betas.clone();
    }

    /**
     * The optimiser this section describes, keeping its state in a sub-manager of {@code manager}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public Optimizer build(NDManager manager) {
        return switch (name) {
            case "adam" -> new Adam(manager, betas[0], betas[1], epsilon, weightDecay, false);
            case "adamw" -> new Adam(manager, betas[0], betas[1], epsilon, weightDecay, true);
            case "sgd" -> new Sgd(manager, momentum, dampening, nesterov, weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + NAMES);
        };
    }
}
