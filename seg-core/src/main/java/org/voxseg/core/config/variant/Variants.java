package org.voxseg.core.config.variant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A config section's variant table: each name its {@code name} key may take, with the variant that name reads as
 * before the section's other keys, i.e. the variant's defaults. The table is the one place a variant's name is
 * spelled; the config reader takes its type ids and defaults from it.
 */
public final class Variants {

    private Variants() {
    }

    /** The table of {@code entries}, name to defaults, in their order; the first is the section's default. */
    @SafeVarargs
    public static <T> Map<String, T> of(Map.Entry<String, ? extends T>... entries) {
        Map<String, T> table = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends T> entry : entries) {
            table.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(table);
    }

    /** The first name in {@code variants} whose defaults are a {@code type}: the name its variants are written with. */
    public static String nameOf(Map<String, ?> variants, Class<?> type) {
        return variants.entrySet().stream().filter(entry -> entry.getValue().getClass() == type)
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no name for " + type.getName()));
    }
}
