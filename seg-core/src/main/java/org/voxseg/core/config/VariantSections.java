package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.voxseg.core.config.variant.UnknownKeyException;
import org.voxseg.core.config.variant.UnknownNameException;
import org.voxseg.core.config.variant.Variants;
import org.voxseg.core.loss.LossConfig;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ScheduleConfig;

/**
 * The config sections with variants ({@code loss}, {@code optimizer}, {@code scheduler}), read by Jackson's type id:
 * the {@code name} key picks the variant record from the section's variant table (the first when absent), a key the
 * JSON leaves out takes the variant's default from that table, and a key of another variant is refused naming the
 * variant's own keys.
 *
 * @param key the section's JSON key, e.g. {@code scheduler}
 * @param variants the section's variant table: each name with its variant's defaults
 */
record VariantSections(String key, Map<String, ?> variants) {

    private static final Map<Class<?>, VariantSections> SECTIONS = Map.of(
            LossConfig.class, new VariantSections("loss", LossConfig.VARIANTS),
            OptimizerConfig.class, new VariantSections("optimizer", OptimizerConfig.VARIANTS),
            ScheduleConfig.class, new VariantSections("scheduler", ScheduleConfig.VARIANTS));

    /** The section that {@code type}, a section or one of its variants, belongs to. */
    static Optional<VariantSections> of(Class<?> type) {
        return SECTIONS.entrySet().stream().filter(section -> type != null && section.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The type id of a section or one of its variants: its {@code name} key, Jackson's own otherwise (null). */
    static TypeResolverBuilder<?> typeResolver(Class<?> type) {
        return of(type).map(section -> new StdTypeResolverBuilder()
                .init(JsonTypeInfo.Id.NAME, new VariantIds(section.key, section.variants))
                .inclusion(JsonTypeInfo.As.PROPERTY).typeProperty("name").typeIdVisibility(false)
                .defaultImpl(section.variants.values().iterator().next().getClass())).orElse(null);
    }

    /** What the sections add to the config mapper: the variants' defaults and the refusal of foreign keys. */
    static SimpleModule module() {
        return new Module();
    }

    /**
     * The JSON keys any variant of the section of {@code variant} has, with {@code name}, for the message of an
     * unknown key; empty if {@code variant} is not a variant.
     */
    static Optional<Collection<Object>> keys(Class<?> variant) {
        return of(variant).map(section -> {
            TreeSet<Object> keys = section.javaKeys().map(ConfigSchema::jsonKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            keys.add("name");
            return keys;
        });
    }

    /** The defaults of {@code variant}, a variant record: the first entry of its section's table of its class. */
    static Object defaults(Class<?> variant) {
        return of(variant).flatMap(section -> section.variants.values().stream()
                .filter(defaults -> defaults.getClass() == variant).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("not a variant: " + variant.getName()));
    }

    /** The Java property names of the section's variants. */
    private Stream<String> javaKeys() {
        return variants.values().stream().flatMap(variant -> components(variant.getClass()));
    }

    private static Stream<String> components(Class<?> variant) {
        return Arrays.stream(variant.getRecordComponents()).map(RecordComponent::getName);
    }

    /** Installs the variants' defaults and the foreign-key handler. */
    private static final class Module extends SimpleModule {

        private static final long serialVersionUID = 1L;

        Module() {
            super("voxseg-variants");
        }

        @Override
        public void setupModule(SetupContext context) {
            super.setupModule(context);
            context.addValueInstantiators(new Defaults());
            context.addDeserializationProblemHandler(new ForeignKeys());
        }
    }

    /** Gives each variant record the instantiator that fills its missing keys from the variant table. */
    private static final class Defaults extends ValueInstantiators.Base {

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description,
                ValueInstantiator instantiator) {
            Class<?> type = description.getBeanClass();
            return type.isRecord() && of(type).isPresent() ? new VariantDefaults(instantiator, type) : instantiator;
        }
    }

    /**
     * Refuses a key of another variant of the section with {@link UnknownKeyException}, which names the variant, and
     * a null {@code name} with {@link UnknownNameException}.
     */
    private static final class ForeignKeys extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String key) {
            Class<?> variant = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
            Optional<VariantSections> section = variant.isRecord() ? of(variant) : Optional.empty();
            if (section.isPresent() && key.equals("name")) { // a null name, which the type id passes over
                throw new UnknownNameException(section.get().key, null, List.copyOf(section.get().variants.keySet()));
            }
            Optional<String> foreign = section.flatMap(s -> s.javaKeys()
                    .filter(property -> ConfigSchema.jsonKey(property).equals(key)).findFirst());
            if (foreign.isPresent()) {
                throw new UnknownKeyException(section.get().key, Variants.nameOf(section.get().variants, variant),
                        foreign.get(), components(variant).sorted().toList());
            }
            return false;
        }
    }
}
