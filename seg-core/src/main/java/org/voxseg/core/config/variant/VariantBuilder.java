package org.voxseg.core.config.variant;

import java.util.List;

/**
 * The base of a section builder that serves every variant of its section: {@link #name} picks the variant, and the
 * subclass's setters note their key in {@link #keys} so that its {@code build()} can refuse a key of another variant.
 *
 * @param <B> the builder itself, which the setters return
 */
public abstract class VariantBuilder<B extends VariantBuilder<B>> {

    /** The chosen name and the keys set so far. */
    protected final VariantKeys keys;

    /**
     * @param section the section's JSON key, e.g. {@code scheduler}
     * @param names the names {@code name} may take; the first is the default
     */
    protected VariantBuilder(String section, List<String> names) {
        keys = new VariantKeys(section, names);
    }

    /** The variant, one of the section's names; an unknown one is refused when the section is built. */
    @SuppressWarnings("unchecked")
    public final B name(String value) {
        keys.name(value);
        return (B) this;
    }
}
