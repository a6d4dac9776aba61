package org.voxseg.core.config.variant;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bookkeeping of a section builder that serves every variant of a section: the {@code name} that picks the
 * variant and the keys (Java property names) that were set, so that {@code build()} can refuse a key the chosen
 * variant does not have. A variant's keys are its record components.
 */
public final class VariantKeys {

    private final String section;
    private final List<String> names;
    private final Set<String> given = new LinkedHashSet<>();
    private String name;

    /**
     * @param section the section's JSON key, e.g. {@code scheduler}
     * @param names the names {@code name} may take; the first is the default
     */
    public VariantKeys(String section, List<String> names) {
        this.section = section;
        this.names = List.copyOf(names);
        this.name = names.get(0);
    }

    /** Picks the variant by name; an unknown name is refused by {@link #name()}. */
    public void name(String value) {
        name = value;
    }

    /**
     * The chosen variant's name.
     *
     * @throws UnknownNameException if no variant has that name
     */
    public String name() {
        if (name == null || !names.contains(name)) {
            throw new UnknownNameException(section, name, names);
        }
        return name;
    }

    /** Notes that the builder's property {@code key} was set. */
    public void set(String key) {
        given.add(key);
    }

    /** Whether the property {@code key} was set, for defaults that depend on the variant. */
    public boolean isSet(String key) {
        return given.contains(key);
    }

    /**
     * The {@code variant} record, after checking that it has every key that was set.
     *
     * @throws UnknownKeyException naming the first key the variant does not have
     */
    public <T> T checked(T variant) {
        RecordComponent[] components = variant.getClass().getRecordComponents();
        List<String> valid = components == null ? List.of()
                : Arrays.stream(components).map(RecordComponent::getName).sorted().toList();
        for (String key : given) {
            if (!valid.contains(key)) {
                throw new UnknownKeyException(section, name(), key, valid);
            }
        }
        return variant;
    }
}
