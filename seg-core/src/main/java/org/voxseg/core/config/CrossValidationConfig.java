package org.voxseg.core.config;


/**
 * The config's {@code cross_validation} section: how the cases are split into folds (seeded, stored as
 * {@code split.json} and reused) and which fold a training run trains. {@code voxseg crossval} trains every fold
 * into {@code fold_k/} (or only writes their configs, each naming its fold).
 *
 * @param nFolds number of folds
 * @param seed seed of the split
 * @param fold the fold a training run validates on (0-based)
 */
public record CrossValidationConfig(int nFolds, long seed, int fold) {

    /** A builder with the defaults: 5 folds, seed 42, fold 0. */
    public static Builder builder() {
        return new Builder();
    }

    public CrossValidationConfig {
        if (nFolds < 2) {
            throw new IllegalArgumentException("n_folds must be at least 2: " + nFolds);
        }
        if (fold < 0 || fold >= nFolds) {
            throw new IllegalArgumentException("fold must be in 0.." + (nFolds - 1) + ": " + fold);
        }
    }

    /** This section with another fold. */
    public CrossValidationConfig withFold(int newFold) {
        return new CrossValidationConfig(nFolds, seed, newFold);
    }

    /** Collects a cross_validation section. */
    public static final class Builder {
        private int nFolds = 5;
        private long seed = 42;
        private int fold;

        private Builder() {
        }

        public Builder nFolds(int value) {
            nFolds = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder fold(int value) {
            fold = value;
            return this;
        }

        public CrossValidationConfig build() {
            return new CrossValidationConfig(nFolds, seed, fold);
        }
    }
}
