package org.voxseg.data.label;

import java.util.Arrays;

/** Checks shared by the postprocessing steps that work on a named structure. */
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
}
