package org.voxseg.core.optim;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Objects;

/**
 * The config's {@code optimizer} section, with PyTorch's and MONAI's names and defaults, e.g.
 * {@code {"name": "adamw", "lr": 1e-4, "weight_decay": 1e-5, "clip_grad_norm": 12,
 * "param_groups": [{"match": "encoder.*", "lr": 1e-5}]}}: one record per optimiser, each with exactly its own keys,
 * so that a key of another optimiser ({@code momentum} under {@code adam}) is refused when the config is read.
 * Every variant has {@code lr} (the base rate schedules scale), {@code clip_grad_norm} (maximum joint gradient
 * norm, NaN for none) and {@code param_groups} (groups with their own rate, first match wins).
 */
public sealed interface OptimizerConfig {

    /** The names {@code name} may take. */
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

    /** The section an empty or absent {@code optimizer} gives: Adam with PyTorch's defaults. */
    static OptimizerConfig defaults() {
        return AdamSettings.builder().build();
    }

    /** An optimizer by name with its defaults and a learning rate. */
    static OptimizerConfig named(String name, double learningRate) {
        return switch (name) {
            case "adam" -> AdamSettings.builder().learningRate(learningRate).build();
            case "adamw" -> AdamWSettings.builder().learningRate(learningRate).build();
            case "sgd" -> SgdSettings.builder().learningRate(learningRate).build();
            case "novograd" -> NovogradSettings.builder().learningRate(learningRate).build();
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + NAMES);
        };
    }

    private static void validate(double learningRate, List<ParameterGroup> parameterGroups) {
        Objects.requireNonNull(parameterGroups, "param_groups");
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("lr must not be negative: " + learningRate);
        }
    }

    /** Adam with L2 weight decay ({@code adam}). */
    record AdamSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamSettings {
            validate(learningRate, parameterGroups);
            parameterGroups = List.copyOf(parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "adam";
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Adam(manager, new UpdatePlan(learningRate, weightDecay, parameterGroups), betas.beta1(),
                    betas.beta2(), epsilon, false);
        }

        /** Builds {@link AdamSettings} with PyTorch's defaults. */
        public static final class Builder {
            private double learningRate = 1e-3;
            private Betas betas = Betas.ADAM;
            private double epsilon = 1e-8;
            private double weightDecay;
            private double clipGradNorm = Double.NaN;
            private List<ParameterGroup> parameterGroups = List.of();

            public Builder learningRate(double value) {
                learningRate = value;
                return this;
            }

            public Builder betas(Betas value) {
                betas = value;
                return this;
            }

            public Builder epsilon(double value) {
                epsilon = value;
                return this;
            }

            public Builder weightDecay(double value) {
                weightDecay = value;
                return this;
            }

            public Builder clipGradNorm(double value) {
                clipGradNorm = value;
                return this;
            }

            public Builder parameterGroups(List<ParameterGroup> value) {
                parameterGroups = value;
                return this;
            }

            public AdamSettings build() {
                return new AdamSettings(learningRate, betas, epsilon, weightDecay, clipGradNorm, parameterGroups);
            }
        }
    }

    /** Adam with decoupled weight decay ({@code adamw}, decay 0.01 by default). */
    record AdamWSettings(double learningRate, Betas betas, double epsilon, double weightDecay, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public AdamWSettings {
            validate(learningRate, parameterGroups);
            parameterGroups = List.copyOf(parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Adam(manager, new UpdatePlan(learningRate, weightDecay, parameterGroups), betas.beta1(),
                    betas.beta2(), epsilon, true);
        }

        /** Builds {@link AdamWSettings} with PyTorch's defaults. */
        public static final class Builder {
            private double learningRate = 1e-3;
            private Betas betas = Betas.ADAM;
            private double epsilon = 1e-8;
            private double weightDecay = 0.01;
            private double clipGradNorm = Double.NaN;
            private List<ParameterGroup> parameterGroups = List.of();

            public Builder learningRate(double value) {
                learningRate = value;
                return this;
            }

            public Builder betas(Betas value) {
                betas = value;
                return this;
            }

            public Builder epsilon(double value) {
                epsilon = value;
                return this;
            }

            public Builder weightDecay(double value) {
                weightDecay = value;
                return this;
            }

            public Builder clipGradNorm(double value) {
                clipGradNorm = value;
                return this;
            }

            public Builder parameterGroups(List<ParameterGroup> value) {
                parameterGroups = value;
                return this;
            }

            public AdamWSettings build() {
                return new AdamWSettings(learningRate, betas, epsilon, weightDecay, clipGradNorm, parameterGroups);
            }
        }
    }

    /** Stochastic gradient descent with optional (Nesterov) momentum ({@code sgd}). */
    record SgdSettings(double learningRate, double momentum, double dampening, boolean nesterov, double weightDecay,
            double clipGradNorm, List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public SgdSettings {
            validate(learningRate, parameterGroups);
            parameterGroups = List.copyOf(parameterGroups);
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Sgd(manager, new UpdatePlan(learningRate, weightDecay, parameterGroups), momentum, dampening,
                    nesterov);
        }

        /** Builds {@link SgdSettings} with PyTorch's defaults. */
        public static final class Builder {
            private double learningRate = 1e-3;
            private double momentum;
            private double dampening;
            private boolean nesterov;
            private double weightDecay;
            private double clipGradNorm = Double.NaN;
            private List<ParameterGroup> parameterGroups = List.of();

            public Builder learningRate(double value) {
                learningRate = value;
                return this;
            }

            public Builder momentum(double value) {
                momentum = value;
                return this;
            }

            public Builder dampening(double value) {
                dampening = value;
                return this;
            }

            public Builder nesterov(boolean value) {
                nesterov = value;
                return this;
            }

            public Builder weightDecay(double value) {
                weightDecay = value;
                return this;
            }

            public Builder clipGradNorm(double value) {
                clipGradNorm = value;
                return this;
            }

            public Builder parameterGroups(List<ParameterGroup> value) {
                parameterGroups = value;
                return this;
            }

            public SgdSettings build() {
                return new SgdSettings(learningRate, momentum, dampening, nesterov, weightDecay, clipGradNorm,
                        parameterGroups);
            }
        }
    }

    /** Novograd ({@code novograd}, MONAI's betas 0.9, 0.98). */
    record NovogradSettings(double learningRate, Betas betas, double epsilon, double weightDecay,
            boolean gradientAveraging, boolean amsgrad, double clipGradNorm,
            List<ParameterGroup> parameterGroups) implements OptimizerConfig {

        public NovogradSettings {
            validate(learningRate, parameterGroups);
            parameterGroups = List.copyOf(parameterGroups);
            Objects.requireNonNull(betas, "betas");
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String name() {
            return "novograd";
        }

        @Override
        public Optimizer build(NDManager manager) {
            return new Novograd(manager, new UpdatePlan(learningRate, weightDecay, parameterGroups), betas.beta1(),
                    betas.beta2(), epsilon, gradientAveraging, amsgrad);
        }

        /** Builds {@link NovogradSettings} with MONAI's defaults. */
        public static final class Builder {
            private double learningRate = 1e-3;
            private Betas betas = Betas.NOVOGRAD;
            private double epsilon = 1e-8;
            private double weightDecay;
            private boolean gradientAveraging;
            private boolean amsgrad;
            private double clipGradNorm = Double.NaN;
            private List<ParameterGroup> parameterGroups = List.of();

            public Builder learningRate(double value) {
                learningRate = value;
                return this;
            }

            public Builder betas(Betas value) {
                betas = value;
                return this;
            }

            public Builder epsilon(double value) {
                epsilon = value;
                return this;
            }

            public Builder weightDecay(double value) {
                weightDecay = value;
                return this;
            }

            public Builder gradientAveraging(boolean value) {
                gradientAveraging = value;
                return this;
            }

            public Builder amsgrad(boolean value) {
                amsgrad = value;
                return this;
            }

            public Builder clipGradNorm(double value) {
                clipGradNorm = value;
                return this;
            }

            public Builder parameterGroups(List<ParameterGroup> value) {
                parameterGroups = value;
                return this;
            }

            public NovogradSettings build() {
                return new NovogradSettings(learningRate, betas, epsilon, weightDecay, gradientAveraging, amsgrad,
                        clipGradNorm, parameterGroups);
            }
        }
    }
}
