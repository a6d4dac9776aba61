package org.voxseg.core.config.variant;

import java.util.List;

/**
 * A section's {@code name} that names no variant, e.g. {@code "adamm"} for the optimizer; thrown while the config is
 * read so that the mistake shows before any case is preprocessed.
 */
public final class UnknownNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownNameException(String section, String name, List<String> known) {
        super("unknown " + section + " '" + name + "'; known: " + known + (name == null ? ""
                : Spelling.nearest(name, List.copyOf(known)).map(n -> "; did you mean '" + n + "'?").orElse("")));
    }
}
