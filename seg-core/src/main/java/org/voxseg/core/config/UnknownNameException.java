package org.voxseg.core.config;

import java.util.List;

/**
 * A section's {@code name} that names no variant, e.g. {@code "adamm"} for the optimizer; thrown while the config is
 * read so that the mistake shows before any case is preprocessed.
 */
final class UnknownNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownNameException(String family, String name, List<String> known) {
        super("unknown " + family + " '" + name + "'; known: " + known
                + ConfigJson.nearest(name, List.copyOf(known)).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }
}
