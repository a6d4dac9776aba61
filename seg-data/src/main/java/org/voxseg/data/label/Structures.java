package org.voxseg.data.label;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** What the postprocessing steps that work on a named structure share: checking it, and clearing components of it. */
final class Structures {

    private Structures() {
    }

    /** An immutable copy of {@code labels}, which must be foreground labels, at least one, each once. */
    static List<Integer> requireLabels(String target, List<Integer> labels) {
        if (target == null || target.isBlank() || labels == null || labels.isEmpty()
                || labels.stream().anyMatch(Objects::isNull) || labels.contains(0)
                || Set.copyOf(labels).size() != labels.size()) {
            throw new IllegalArgumentException("a postprocessing step needs a named structure of distinct foreground"
                    + " labels, not " + target + " " + labels);
        }
        return List.copyOf(labels);
    }

    /**
     * Sets to background every voxel of the components of {@code labels}' voxels that {@code removal} picks: given
     * the components, it answers which component indices go.
     */
    static void clearComponents(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity,
            List<Integer> labels, Function<ConnectedComponents, IntPredicate> removal) {
        int[] labelValues = labels.stream().mapToInt(Integer::intValue).toArray();
        ConnectedComponents components = ConnectedComponents.of(LabelMask.of(values, labelValues), shape, connectivity);
        IntPredicate remove = removal.apply(components);
        boolean[] removed = new boolean[components.count()];
        for (int c = 0; c < removed.length; c++) {
            removed[c] = remove.test(c);
        }
        for (int v = 0; v < values.length; v++) {
            int c = components.componentOf(v);
            if (c >= 0 && removed[c]) {
                values[v] = 0;
            }
        }
    }
}
