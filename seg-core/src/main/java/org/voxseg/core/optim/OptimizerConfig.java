package org.voxseg.core.optim;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxseg.core.config.variant.UnknownNameException;
import org.voxseg.core.config.variant.Variants;

/**
 * The config's {@code optimizer} section, with PyTorch's and MONAI's names and defaults, e.g.
 * {@code {"name": "adamw", "lr": 1e-4, "weight_decay": 1e-5, "clip_grad_norm": 12,
 * "param_groups": [{"match": "encoder.*", "lr": 1e-5}]}}: one record per optimiser, each with exactly its own keys,
 * named with its defaults in {@link #VARIANTS}; the config reader refuses a key of another optimiser ({@code momentum}
 * under {@code adam}). Every variant has {@code lr} (the base rate schedules scale),
 * {@code clip_grad_norm} (maximum joint gradient norm, NaN for none) and {@code param_groups} (groups with their own
 * rate, first match wins).
 */
public sealed interface OptimizerConfig {

    /**
     * Each name {@code name} may take with the optimiser it reads as before its other keys (PyTorch's and MONAI's
     * defaults); the first is the default.
     */
    Map<String, OptimizerConfig> VARIANTS = Variants.of(
            Map.entry("adam", new AdamSettings(1e-3, Betas.ADAM, 1e-8, 0, Double.NaN, List.of())),
            Map.entry("adamw", new AdamWSettings(1e-3, Betas.ADAM, 1e-8, 0.01, Double.NaN, List.of())),
            Map.entry("sgd", new SgdSettings(1e-3, 0, 0, false, 0, Double.NaN, List.of())),
            Map.entry("novograd", new NovogradSettings(1e-3, Betas.NOVOGRAD, 1e-8, 0, false, false, Double.NaN,
                    List.of())));

    /** The names {@code name} may take; the first is the default. */
    List<String> NAMES = List.copyOf(VARIANTS.keySet());

    /** The optimiser's config name, e.g. {@code adamw}. */
    default String name() {
        return Variants.nameOf(VARIANTS, getClass());
    }

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

    /** The section an empty or absent {@code optimizer} gives: Adam with PyTorch's defaults. */
    static OptimizerConfig defaults() {
        return VARIANTS.get(NAMES.get(0));
    }

    /**
     * An optimizer by name with its defaults and a learning rate.
     *
     * @throws IllegalArgumentException if no optimiser has that name
     */
    static OptimizerConfig named(String name, double learningRate) {
        OptimizerConfig variant = VARIANTS.get(name);
        if (variant == null) {
            throw new UnknownNameException("optimizer", name, NAMES);
        }
        return variant.withLearningRate(learningRate);
    }

    /** This optimiser with base rate {@code learningRate}. */
    OptimizerConfig withLearningRate(double learningRate);

    /** The update plan of the section's rate, decay and groups. */
    default UpdatePlan plan() {
        return new UpdatePlan(learningRate(), weightDecay(), parameterGroups());
    }

    /** {@code parameterGroups} as an immutable list, after checking them, the rate and the clipping norm. */
    private static List<ParameterGroup> checked(double learningRate, double clipGradNorm,
            List<ParameterGroup> parameterGroups) {
        Objects.requireNonNull(parameterGroups, "param_groups");
        if (!(Double.isNaN(clipGradNorm) || clipGradNorm > 0)) {
            throw new IllegalArgumentException("clip_grad_norm must be positive (or absent), not " + clipGradNorm);
        }
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("lr must not be negative: " + learningRate);
        }
        return List.copyOf(parameterGroups);
    }

    /** Adam with L2 weight decay ({@code adam}). */
    record AdamSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamSettings {
            parameterGroups = checked(learningRate, clipGradNorm, parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        @Override
        public OptimizerConfig withLearningRate(double rate) {
            return new AdamSettings(rate, betas, epsilon, weightDecay, clipGradNorm, parameterGroups);
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Adam(manager, plan(), betas.beta1(), betas.beta2(), epsilon, false);
        }
    }

    /** Adam with decoupled weight decay ({@code adamw}, decay 0.01 by default). */
    record AdamWSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamWSettings {
            Objects.requireNonNull(betas, "betas");
            parameterGroups = checked(learningRate, clipGradNorm, parameterGroups);
        }

        @Override
        public OptimizerConfig withLearningRate(double rate) {
            return new AdamWSettings(rate, betas, epsilon, weightDecay, clipGradNorm, parameterGroups);
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
            parameterGroups = checked(learningRate, clipGradNorm, parameterGroups);
        }

        @Override
        public OptimizerConfig withLearningRate(double rate) {
            return new SgdSettings(rate, momentum, dampening, nesterov, weightDecay, clipGradNorm, parameterGroups);
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Sgd(manager, plan(), momentum, dampening, nesterov);
        }
    }

    /** Novograd ({@code novograd}, MONAI's betas 0.9, 0.98). */
    record NovogradSettings(double learningRate, Betas betas, double epsilon, double weightDecay,
            boolean gradientAveraging, boolean amsgrad, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public NovogradSettings {
            parameterGroups = checked(learningRate, clipGradNorm, parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        @Override
        public OptimizerConfig withLearningRate(double rate) {
            return new NovogradSettings(rate, betas, epsilon, weightDecay, gradientAveraging, amsgrad, clipGradNorm,
                    parameterGroups);
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Novograd(manager, plan(), betas.beta1(), betas.beta2(), epsilon, gradientAveraging, amsgrad);
        }
    }
}
