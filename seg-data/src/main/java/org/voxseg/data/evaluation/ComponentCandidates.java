package org.voxseg.data.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.PostprocessingStep;
import org.voxseg.data.label.RemoveSmallComponents;

/**
 * The component clean-ups {@link PostprocessingSearch} tries on a structure, least aggressive first: removing
 * components smaller than a minimum taken from the cases' own non-largest components, then keeping the largest only.
 */
final class ComponentCandidates {

    /** The quantiles of the non-largest components' sizes tried as minimum component sizes. */
    private static final double[] SIZE_QUANTILES = {0.5, 0.9, 1};

    private ComponentCandidates() {
    }

    /** The candidates for {@code target}, given the sizes of its non-largest components over the cases. */
    static List<PostprocessingStep> of(Structure target, List<Integer> nonLargestSizes) {
        int[] sizes = nonLargestSizes.stream().mapToInt(Integer::intValue).sorted().toArray();
        TreeSet<Integer> minimums = new TreeSet<>();
        for (double quantile : SIZE_QUANTILES) {
            if (sizes.length > 0) {
                minimums.add(sizes[Math.max(0, (int) Math.ceil(quantile * sizes.length) - 1)] + 1);
            }
        }
        List<PostprocessingStep> candidates = new ArrayList<>();
        for (int minimum : minimums) {
            candidates.add(new RemoveSmallComponents(target.name(), target.labels(), minimum));
        }
        candidates.add(new KeepLargestComponent(target.name(), target.labels()));
        return candidates;
    }
}
