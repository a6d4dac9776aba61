package org.voxseg.core.training;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.regex.Pattern;
import org.voxseg.core.network.ParameterNames;

/**
 * Fine-tuning's frozen parameters: those whose readable names (e.g. {@code encoder.level1.conv0.weight}) match a
 * pattern stay unchanged for the first epochs, then train with the rest.
 *
 * @param pattern a regular expression over the readable names to freeze, e.g. {@code encoder.*}
 * @param epochs how many epochs, from the first, they stay frozen
 */
public record FrozenParameters(String pattern, int epochs) {

    /** Nothing frozen. */
    public static final FrozenParameters NONE = new FrozenParameters("(?!)", 0);

    /**
     * @throws java.util.regex.PatternSyntaxException if {@code pattern} is not a regular expression
     * @throws IllegalArgumentException if {@code epochs} is negative
     */
    public FrozenParameters {
        Pattern.compile(pattern);
        if (epochs < 0) {
            throw new IllegalArgumentException("frozen epochs must not be negative: " + epochs);
        }
    }

    /** Freezes the matching parameters of {@code network} for epoch {@code epoch} (from 1), or releases them. */
    void apply(Block network, int epoch) {
        if (epochs == 0) {
            return;
        }
        Pattern names = Pattern.compile(pattern);
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (names.matcher(ParameterNames.readable(p.getKey())).matches()) {
                p.getValue().freeze(epoch <= epochs);
            }
        }
    }
}
