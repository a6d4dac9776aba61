package org.voxseg.core.config.variant;

import java.util.List;

/**
 * A key of another variant of the section, e.g. {@code patience} for the {@code warmup_cosine}
 * scheduler. Keys are Java property names; the config reader turns them into JSON keys for its message.
 */
public final class UnknownKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String section;
    private final String variant;
    private final String key;
    private final List<String> valid;

    public UnknownKeyException(String section, String variant, String key, List<String> valid) {
        super(section + " '" + variant + "' has no key '" + key + "' (valid: " + String.join(", ", valid) + ")");
        this.section = section;
        this.variant = variant;
        this.key = key;
        this.valid = List.copyOf(valid);
    }

    /** The section, e.g. {@code scheduler}. */
    public String section() {
        return section;
    }

    /** The variant's name, e.g. {@code warmup_cosine}. */
    public String variant() {
        return variant;
    }

    /** The key the variant does not have. */
    public String key() {
        return key;
    }

    /** The variant's own keys. */
    public List<String> valid() {
        return valid;
    }
}
