package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.cfg.MutableConfigOverride;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.optim.Betas;
import org.voxseg.core.optim.ParameterGroup;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.label.PostprocessingStep;

/**
 * The JSON schema of voxseg's config files, kept here so that the domain packages carry no Jackson annotations:
 * snake_case keys with a few PyTorch/MONAI renames, every plain section read through its builder (which holds the
 * defaults), the {@code loss}, {@code optimizer} and {@code scheduler} sections by Jackson's type id {@code name}
 * (see {@link VariantSections}), a variant written as its {@code name} and its own keys, enums as lower-case strings
 * and small value types as arrays.
 */
final class ConfigSchema {

    /** Java property names whose JSON key is not their snake_case form. */
    private static final Map<String, String> RENAMES = Map.of("learningRate", "lr", "epsilon", "eps",
            "gradientAveraging", "grad_averaging", "parameterGroups", "param_groups", "period", "step",
            "firstPeriod", "t_0", "periodMultiplier", "t_mult");

    private ConfigSchema() {
    }

    /** The JSON key of a config record's Java property, e.g. {@code lr} for {@code learningRate}. */
    static String jsonKey(String property) {
        String renamed = RENAMES.get(property);
        return renamed != null ? renamed : PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(property);
    }

    /** The mapper every config file is read and written with. */
    static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("voxseg-values");
        values.addSerializer(Pattern.class, ToStringSerializer.instance);
        values.addSerializer(Betas.class, new StdSerializer<>(Betas.class) {
            @Override
            public void serialize(Betas betas, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeArray(betas.toArray(), 0, 2);
            }
        });
        values.addDeserializer(Betas.class, new StdDeserializer<>(Betas.class) {
            @Override
            public Betas deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Betas.of(context.readValue(in, double[].class));
            }
        });
        values.addSerializer(Extent.class, new StdSerializer<>(Extent.class) {
            @Override
            public void serialize(Extent extent, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeArray(extent.toArray(), 0, 3);
            }
        });
        values.addDeserializer(Extent.class, new StdDeserializer<>(Extent.class) {
            @Override
            public Extent deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Extent.of(context.readValue(in, int[].class));
            }
        });
        values.addSerializer(Spacing.class, new StdSerializer<>(Spacing.class) {
            @Override
            public void serialize(Spacing spacing, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeArray(spacing.toArray(), 0, 3);
            }
        });
        values.addDeserializer(Spacing.class, new StdDeserializer<>(Spacing.class) {
            @Override
            public Spacing deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Spacing.of(context.readValue(in, double[].class));
            }
        });
        values.addSerializer(DeviceRequest.class, ToStringSerializer.instance);
        values.addDeserializer(DeviceRequest.class, new StdDeserializer<>(DeviceRequest.class) {
            @Override
            public DeviceRequest deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return DeviceRequest.parse(context.readValue(in, String.class));
            }
        });
        return JsonMapper.builder()
                .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String translate(String name) {
                        return jsonKey(name);
                    }
                })
                .annotationIntrospector(new Builders())
                .addMixIn(ParameterGroup.class, ConfigMixins.ParameterGroupMixin.class)
                .addMixIn(PostprocessingStep.class, ConfigMixins.PostprocessingStepMixin.class)
                .addModule(values)
                .addModule(VariantSections.module())
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 2.5 epochs is a mistake, not 2; a key given twice is a mistake, not the last one.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .withConfigOverride(int.class, NULL_FAILS)
                .withConfigOverride(long.class, NULL_FAILS)
                .withConfigOverride(double.class, NULL_FAILS)
                .withConfigOverride(boolean.class, NULL_FAILS)
                .build();
    }

    /** A null for a number or a flag is refused, not read as its default. */
    private static final Consumer<MutableConfigOverride> NULL_FAILS =
            override -> override.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));

    /**
     * Reads every plain config record through its nested {@code Builder}, whose setters are named like the keys, and
     * gives each section with variants its type id (see {@link VariantSections}).
     */
    private static final class Builders extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        private static final Set<Class<?>> SECTIONS = sections();

        @Override
        public Class<?> findPOJOBuilder(AnnotatedClass ac) {
            Class<?> type = ac.getRawType();
            if (SECTIONS.contains(type)) {
                for (Class<?> nested : type.getDeclaredClasses()) {
                    if (nested.getSimpleName().equals("Builder")) {
                        return nested;
                    }
                }
            }
            return super.findPOJOBuilder(ac);
        }

        @Override
        public JsonPOJOBuilder.Value findPOJOBuilderConfig(AnnotatedClass ac) {
            Class<?> outer = ac.getRawType().getEnclosingClass();
            if (outer != null && SECTIONS.contains(outer)) {
                return new JsonPOJOBuilder.Value("build", "");
            }
            return super.findPOJOBuilderConfig(ac);
        }

        @Override
        public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
            TypeResolverBuilder<?> variants = VariantSections.typeResolver(ac.getRawType());
            return variants != null ? variants : super.findTypeResolver(config, ac, baseType);
        }

        private static Set<Class<?>> sections() {
            Set<Class<?>> sections = new HashSet<>();
            sections.addAll(List.of(RunConfig.class, NetworkConfig.class, DatasetConfig.class,
                    PreprocessingConfig.class, TrainingConfig.class, AugmentationConfig.class,
                    CrossValidationConfig.class, PredictionConfig.class));
            return Set.copyOf(sections);
        }
    }
}
