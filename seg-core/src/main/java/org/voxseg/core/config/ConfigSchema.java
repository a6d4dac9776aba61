package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.voxseg.core.loss.LossConfig;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.optim.Betas;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.optim.ParameterGroup;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.data.grid.Extent;
import org.voxseg.data.grid.Spacing;

/**
 * The JSON schema of voxseg's config files, kept here so that the domain packages carry no Jackson annotations:
 * snake_case keys with a few PyTorch/MONAI renames, every section read through its builder (which holds the
 * defaults), the {@code loss}, {@code optimizer} and {@code scheduler} variants chosen by their {@code name} key,
 * enums as lower-case strings and small value types as arrays.
 */
final class ConfigSchema {

    /** Java property names whose JSON key is not their snake_case form. */
    private static final Map<String, String> RENAMES = Map.of("learningRate", "lr", "epsilon", "eps",
            "gradientAveraging", "grad_averaging", "parameterGroups", "param_groups", "period", "step",
            "firstPeriod", "t_0", "periodMultiplier", "t_mult");

    private ConfigSchema() {
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
        return JsonMapper.builder()
                .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String translate(String name) {
                        String renamed = RENAMES.get(name);
                        return renamed != null ? renamed : PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE
                                .translate(name);
                    }
                })
                .annotationIntrospector(new Builders())
                .addMixIn(LossConfig.class, LossMixin.class)
                .addMixIn(OptimizerConfig.class, OptimizerMixin.class)
                .addMixIn(ScheduleConfig.class, ScheduleMixin.class)
                .addMixIn(ParameterGroup.class, ParameterGroupMixin.class)
                .addModule(values)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** Reads every config record through its nested {@code Builder}, whose setters are named like the keys. */
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

        private static Set<Class<?>> sections() {
            Set<Class<?>> sections = new HashSet<>();
            for (Class<?> family : List.of(LossConfig.class, OptimizerConfig.class, ScheduleConfig.class)) {
                sections.addAll(List.of(family.getPermittedSubclasses()));
            }
            sections.addAll(List.of(RunConfig.class, NetworkConfig.class, DatasetConfig.class,
                    PreprocessingConfig.class, TrainingConfig.class, AugmentationConfig.class,
                    CrossValidationConfig.class, InferenceConfig.class));
            return Set.copyOf(sections);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "name",
            defaultImpl = LossConfig.Dice.class)
    @JsonTypeIdResolver(VariantNames.class)
    private abstract static class LossMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "name",
            defaultImpl = OptimizerConfig.AdamSettings.class)
    @JsonTypeIdResolver(VariantNames.class)
    private abstract static class OptimizerMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "name",
            defaultImpl = ScheduleConfig.Constant.class)
    @JsonTypeIdResolver(VariantNames.class)
    private abstract static class ScheduleMixin {
    }

    private abstract static class ParameterGroupMixin {
        @JsonCreator
        static ParameterGroup of(@JsonProperty(value = "match", required = true) String match,
                @JsonProperty(value = "lr", required = true) double learningRate,
                @JsonProperty("weight_decay") Double weightDecay) {
            throw new UnsupportedOperationException("a mix-in");
        }
    }
}
