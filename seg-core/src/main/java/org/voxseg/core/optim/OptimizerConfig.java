package org.voxseg.core.optim;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The config's {@code optimizer} section, with PyTorch's and MONAI's names and defaults, e.g.
 * {@code {"name": "adamw", "lr": 1e-4, "weight_decay": 1e-5, "clip_grad_norm": 12,
 * "param_groups": [{"match": "encoder.*", "lr": 1e-5}]}}.
 *
 * @param name adam, adamw, sgd or novograd
 * @param learningRate the base learning rate ({@code lr}) that schedules scale
 * @param betas beta1 and beta2 (Adam: 0.9, 0.999; Novograd: 0.9, 0.98)
 * @param epsilon eps
 * @param weightDecay L2 (Adam, SGD, Novograd) or decoupled (AdamW) weight decay
 * @param momentum SGD momentum
 * @param dampening SGD dampening
 * @param nesterov SGD Nesterov momentum
 * @param gradientAveraging Novograd's grad_averaging
 * @param amsgrad Novograd's amsgrad
 * @param clipGradNorm maximum joint gradient norm, or NaN for no clipping
 * @param parameterGroups groups with their own rate and weight decay, first match wins
 */
public record OptimizerConfig(String name, @JsonProperty("lr") double learningRate, double[] betas,
        @JsonProperty("eps") double epsilon, double weightDecay, double momentum, double dampening, boolean nesterov,
        @JsonProperty("grad_averaging") boolean gradientAveraging, boolean amsgrad, double clipGradNorm,
        @JsonProperty("param_groups") List<ParameterGroup> parameterGroups) {

    /** The names {@link #build} knows. */
    public static final List<String> NAMES = List.of("adam", "adamw", "sgd", "novograd");

    /** Reads an optimizer section; absent fields take the defaults above (AdamW's weight decay 0.01). */
    @JsonCreator
    public static OptimizerConfig of(@JsonProperty("name") String name, @JsonProperty("lr") Double learningRate,
            @JsonProperty("betas") double[] betas, @JsonProperty("eps") Double epsilon,
            @JsonProperty("weight_decay") Double weightDecay, @JsonProperty("momentum") Double momentum,
            @JsonProperty("dampening") Double dampening, @JsonProperty("nesterov") Boolean nesterov,
            @JsonProperty("grad_averaging") Boolean gradientAveraging, @JsonProperty("amsgrad") Boolean amsgrad,
            @JsonProperty("clip_grad_norm") Double clipGradNorm,
            @JsonProperty("param_groups") List<ParameterGroup> parameterGroups) {
        String optimizer = name == null ? "adam" : name;
        double defaultDecay = "adamw".equals(optimizer) ? 0.01 : 0;
        double[] defaultBetas = "novograd".equals(optimizer) ? new double[] {0.9, 0.98} : new double[] {0.9, 0.999};
        return new OptimizerConfig(optimizer, learningRate == null ? 1e-3 : learningRate,
                betas == null ? defaultBetas : betas, epsilon == null ? 1e-8 : epsilon,
                weightDecay == null ? defaultDecay : weightDecay, momentum == null ? 0 : momentum,
                dampening == null ? 0 : dampening, nesterov != null && nesterov,
                gradientAveraging != null && gradientAveraging, amsgrad != null && amsgrad,
                clipGradNorm == null ? Double.NaN : clipGradNorm,
                parameterGroups == null ? List.of() : parameterGroups);
    }

    /** An optimizer by name with its defaults and a learning rate. */
    public static OptimizerConfig named(String name, double learningRate) {
        return of(name, learningRate, null, null, null, null, null, null, null, null, null, null);
    }

    public OptimizerConfig {
        betas = betas.clone();
        parameterGroups = List.copyOf(parameterGroups);
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
        UpdatePlan plan = new UpdatePlan(learningRate, weightDecay, parameterGroups);
        return switch (name) {
            case "adam" -> new Adam(manager, plan, betas[0], betas[1], epsilon, false);
            case "adamw" -> new Adam(manager, plan, betas[0], betas[1], epsilon, true);
            case "sgd" -> new Sgd(manager, plan, momentum, dampening, nesterov);
            case "novograd" -> new Novograd(manager, plan, betas[0], betas[1], epsilon, gradientAveraging, amsgrad);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + NAMES);
        };
    }
}
