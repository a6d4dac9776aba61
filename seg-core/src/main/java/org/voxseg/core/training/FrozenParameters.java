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
 * @param pattern the readable names to freeze, e.g. {@code encoder.*}
 * @param epochs how many epochs, from the first, they stay frozen
 */
public record FrozenParameters(Pattern pattern, int epochs) {

    /** Nothing frozen. */
    public static final FrozenParameters NONE = new FrozenParameters(Pattern.compile("(?!)"), 0);

    public FrozenParameters {
        if (epochs < 0) {
            throw new IllegalArgumentException("frozen epochs must not be negative: " + epochs);
        }
    }

    /** Freezes the matching parameters of {@code network} for epoch {@code epoch} (from 1), or releases them. */
    void apply(Block network, int epoch) {
        if (epochs == 0) {
            return;
        }
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (pattern.matcher(ParameterNames.readable(p.getKey())).matches()) {
                p.getValue().freeze(epoch <= epochs);
            }
        }
    }
}
