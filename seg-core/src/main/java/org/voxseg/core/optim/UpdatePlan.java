package org.voxseg.core.optim;

import java.util.List;

/**
 * Which rate and weight decay each parameter gets: the optimizer's own, or those of the first
 * {@link ParameterGroup} that contains it. A group's rate follows the schedule as
 * {@code group lr * scheduled rate / baseRate}.
 *
 * @param baseRate the optimizer's configured learning rate, the schedule's reference
 * @param weightDecay the weight decay of parameters in no group (and of groups that do not set one)
 * @param groups parameter groups, first match wins
 */
public record UpdatePlan(double baseRate, double weightDecay, List<ParameterGroup> groups) {

    public UpdatePlan {
        groups = List.copyOf(groups);
    }

    /** One rate for every parameter. */
    public static UpdatePlan uniform(double weightDecay) {
        return new UpdatePlan(0, weightDecay, List.of());
    }

    /**
     * The hyper-parameters of update {@code step} of parameter {@code name} when the schedule gives
     * {@code scheduledRate}: rate and weight decay from one search of the groups.
     */
    Optimizer.Hyper hyper(String name, long step, double scheduledRate) {
        for (ParameterGroup group : groups) {
            if (group.contains(name)) {
                double rate = baseRate > 0 ? group.learningRate() * scheduledRate / baseRate : group.learningRate();
                return new Optimizer.Hyper(step, rate,
                        Double.isNaN(group.weightDecay()) ? weightDecay : group.weightDecay());
            }
        }
        return new Optimizer.Hyper(step, scheduledRate, weightDecay);
    }
}
