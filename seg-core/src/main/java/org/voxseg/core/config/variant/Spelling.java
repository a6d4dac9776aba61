package org.voxseg.core.config.variant;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the valid word a misspelt key or name most likely meant. */
public final class Spelling {

    private Spelling() {
    }

    /** The known key closest to {@code key} by edit distance, if it is close enough to be a typo. */
    public static Optional<String> nearest(String key, Collection<Object> known) {
        return known.stream().map(Object::toString)
                .filter(name -> editDistance(key, name) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(name -> editDistance(key, name)));
    }

    /** The number of single-character insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
