package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.List;
import java.util.Map;
import org.voxseg.core.config.variant.UnknownNameException;
import org.voxseg.core.config.variant.Variants;

/**
 * The type ids of one section with variants: a variant's {@code name} from the section's variant table, and for an
 * unknown name an {@link UnknownNameException} that lists the names and suggests the nearest, never the default.
 */
final class VariantIds extends TypeIdResolverBase {

    private final String section;
    private final Map<String, ?> variants;

    /**
     * @param section the section's JSON key, e.g. {@code optimizer}
     * @param variants the section's variant table
     */
    VariantIds(String section, Map<String, ?> variants) {
        this.section = section;
        this.variants = variants;
    }

    @Override
    public String idFromValue(Object value) {
        return Variants.nameOf(variants, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
        return Variants.nameOf(variants, value != null ? value.getClass() : type);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Object variant = variants.get(id);
        if (variant == null) {
            throw new UnknownNameException(section, id, List.copyOf(variants.keySet()));
        }
        return context.constructType(variant.getClass());
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", variants.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.NAME;
    }
}
