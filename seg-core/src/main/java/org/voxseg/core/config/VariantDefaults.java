package org.voxseg.core.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Creates a variant record from the keys its JSON gives, each missing key taken from the variant's defaults (its
 * entry in the section's variant table), so that the defaults are written once, as a record.
 */
final class VariantDefaults extends ValueInstantiator.Delegating {

    private static final long serialVersionUID = 1L;

    /** The variant record, whose defaults its section's variant table holds. */
    private final Class<?> variant;

    VariantDefaults(ValueInstantiator delegate, Class<?> variant) {
        super(delegate);
        this.variant = variant;
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext context, BeanDescription description)
            throws JsonMappingException {
        return new VariantDefaults(delegate().createContextual(context, description), variant);
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
            PropertyValueBuffer given) throws IOException {
        Object defaults = VariantSections.defaults(variant);
        RecordComponent[] components = variant.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (SettableBeanProperty property : properties) {
            int index = property.getCreatorIndex();
            arguments[index] = given.hasParameter(property) ? given.getParameter(property)
                    : defaultValue(components[index], defaults);
        }
        return createFromObjectWith(context, arguments);
    }

    private static Object defaultValue(RecordComponent component, Object defaults) {
        try {
            return component.getAccessor().invoke(defaults);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the default " + component.getName(), e);
        }
    }
}
