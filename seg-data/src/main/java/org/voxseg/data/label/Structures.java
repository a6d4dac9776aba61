package org.voxseg.data.label;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** What the postprocessing steps that work on a named structure share: checking it, and clearing components of it. */
final class Structures {

    private Structures() {
    }

    /** A copy of {@code labels}, which must be foreground labels, at least one, each once. */
    static int[] requireLabels(String target, int[] labels) {
        if (target == null || target.isBlank() || labels == null || labels.length == 0
                || Arrays.stream(labels).anyMatch(l -> l == 0) || Arrays.stream(labels).distinct().count()
                != labels.length) {
            throw new IllegalArgumentException("a postprocessing step needs a named structure of distinct foreground"
                    + " labels, not " + target + " " + Arrays.toString(labels));
        }
        return labels.clone();
    }

    /**
     * Sets to background every voxel of the components of {@code labels}' voxels that {@code removal} picks: given
     * the components, it answers which component indices go.
     */
    static void clearComponents(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity,
            int[] labels, Function<ConnectedComponents, IntPredicate> removal) {
        ConnectedComponents components = ConnectedComponents.of(LabelMask.of(values, labels), shape, connectivity);
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
