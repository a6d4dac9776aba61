package org.voxseg.core.optim;

import java.util.Objects;
import java.util.regex.Pattern;
import org.voxseg.core.network.ParameterNames;

/**
 * Parameters with their own learning rate and optionally weight decay (MONAI's {@code generate_param_groups}),
 * selected by a regular expression over readable names ({@code encoder.*} for the encoder, {@code .*\.bias} for
 * biases). A schedule scales every group's rate together: a group's rate is its {@code lr} times the schedule's
 * current factor. Config form: {@code {"match": "encoder.*", "lr": 1e-4, "weight_decay": 0}}.
 *
 * @param match the regular expression a readable parameter name must match entirely
 * @param learningRate the group's base learning rate
 * @param weightDecay the group's weight decay, or NaN for the optimizer's
 */
public record ParameterGroup(Pattern match, double learningRate, double weightDecay) {

    public ParameterGroup {
        Objects.requireNonNull(match, "match");
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("group lr must not be negative: " + learningRate);
        }
    }

    /** Reads a group from the config. */
    public static ParameterGroup of(String match, double learningRate, Double weightDecay) {
        return new ParameterGroup(Pattern.compile(match), learningRate, weightDecay == null ? Double.NaN
                : weightDecay);
    }

    /** Whether the parameter with DJL name {@code djlName} belongs to this group. */
    public boolean contains(String djlName) {
        return match.matcher(ParameterNames.readable(djlName)).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterGroup g && match.pattern().equals(g.match.pattern())
                && Double.compare(learningRate, g.learningRate) == 0 && Double.compare(weightDecay, g.weightDecay) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(match.pattern(), learningRate, weightDecay);
    }
}
