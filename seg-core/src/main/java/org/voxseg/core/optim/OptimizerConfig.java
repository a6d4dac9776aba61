package org.voxseg.core.optim;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Objects;

/**
 * The config's {@code optimizer} section, with PyTorch's and MONAI's names and defaults, e.g.
 * {@code {"name": "adamw", "lr": 1e-4, "weight_decay": 1e-5, "clip_grad_norm": 12,
 * "param_groups": [{"match": "encoder.*", "lr": 1e-5}]}}: one record per optimiser, each with exactly its own keys,
 * built by the section's one {@link OptimizerConfigBuilder}, which holds the defaults and refuses a key of another
 * optimiser ({@code momentum} under {@code adam}). Every variant has {@code lr} (the base rate schedules scale),
 * {@code clip_grad_norm} (maximum joint gradient norm, NaN for none) and {@code param_groups} (groups with their own
 * rate, first match wins).
 */
public sealed interface OptimizerConfig {

    /** The names {@code name} may take; the first is the default. */
    List<String> NAMES = List.of("adam", "adamw", "sgd", "novograd");

    /** The optimiser's config name, e.g. {@code adamw}. */
    String name();

    /** The base learning rate ({@code lr}) that schedules scale. */
    double learningRate();

    /** L2 (Adam, SGD, Novograd) or decoupled (AdamW) weight decay. */
    double weightDecay();

    /** Maximum joint gradient norm, or NaN for no clipping. */
    double clipGradNorm();

    /** Groups with their own rate and weight decay, first match wins. */
    List<ParameterGroup> parameterGroups();

    /** The optimiser this section describes, keeping its state in a sub-manager of {@code manager}. */
    Optimizer build(NDManager manager);

    /** A builder of any optimiser, Adam with PyTorch's defaults until told otherwise. */
    static OptimizerConfigBuilder builder() {
        return new OptimizerConfigBuilder();
    }

    /** The section an empty or absent {@code optimizer} gives: Adam with PyTorch's defaults. */
    static OptimizerConfig defaults() {
        return builder().build();
    }

    /**
     * An optimizer by name with its defaults and a learning rate.
     *
     * @throws IllegalArgumentException if no optimiser has that name
     */
    static OptimizerConfig named(String name, double learningRate) {
        return builder().name(name).learningRate(learningRate).build();
    }

    /** The update plan of the section's rate, decay and groups. */
    default UpdatePlan plan() {
        return new UpdatePlan(learningRate(), weightDecay(), parameterGroups());
    }

    /** {@code parameterGroups} as an immutable list, after checking them and the rate. */
    private static List<ParameterGroup> checked(double learningRate, List<ParameterGroup> parameterGroups) {
        Objects.requireNonNull(parameterGroups, "param_groups");
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("lr must not be negative: " + learningRate);
        }
        return List.copyOf(parameterGroups);
    }

    /** Adam with L2 weight decay ({@code adam}). */
    record AdamSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamSettings {
            parameterGroups = checked(learningRate, parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Adam(manager, plan(), betas.beta1(), betas.beta2(), epsilon, false);
        }

        @Override
        public String name() {
            return "adam";
        }
    }

    /** Adam with decoupled weight decay ({@code adamw}, decay 0.01 by default). */
    record AdamWSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamWSettings {
            Objects.requireNonNull(betas, "betas");
            parameterGroups = checked(learningRate, parameterGroups);
        }

        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Adam(manager, plan(), betas.beta1(), betas.beta2(), epsilon, true);
        }
    }

    /** Stochastic gradient descent with optional (Nesterov) momentum ({@code sgd}). */
    record SgdSettings(double learningRate, double momentum, double dampening, boolean nesterov, double weightDecay,
            double clipGradNorm, List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public SgdSettings {
            parameterGroups = checked(learningRate, parameterGroups);
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Sgd(manager, plan(), momentum, dampening, nesterov);
        }

        @Override
        public String name() {
            return "sgd";
        }
    }

    /** Novograd ({@code novograd}, MONAI's betas 0.9, 0.98). */
    record NovogradSettings(double learningRate, Betas betas, double epsilon, double weightDecay,
            boolean gradientAveraging, boolean amsgrad, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public NovogradSettings {
            parameterGroups = checked(learningRate, parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Novograd(manager, plan(), betas.beta1(), betas.beta2(), epsilon, gradientAveraging, amsgrad);
        }

        @Override
        public String name() {
            return "novograd";
        }
    }
}
