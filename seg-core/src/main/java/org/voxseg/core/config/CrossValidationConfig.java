package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /** Reads the section; absent fields: 5 folds, seed 42, fold 0. */
    @JsonCreator
    public static CrossValidationConfig of(@JsonProperty("n_folds") Integer nFolds, @JsonProperty("seed") Long seed,
            @JsonProperty("fold") Integer fold) {
        return new CrossValidationConfig(nFolds == null ? 5 : nFolds, seed == null ? 42 : seed,
                fold == null ? 0 : fold);
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
}
