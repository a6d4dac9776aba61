package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxseg.core.loss.LossConfig;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ScheduleConfig;

/**
 * Maps the {@code name} key of the {@code loss}, {@code optimizer} and {@code scheduler} sections to the record of
 * that variant and back. An unknown name fails at once with the known names and the nearest one, instead of after
 * preprocessing when the section is first built.
 */
public final class VariantNames extends TypeIdResolverBase {

    private static final Map<String, Class<?>> LOSSES = names(
            "dice", LossConfig.Dice.class, "jaccard", LossConfig.Jaccard.class, "tversky", LossConfig.Tversky.class,
            "bce", LossConfig.CrossEntropy.class, "ce", LossConfig.CrossEntropy.class,
            "focal", LossConfig.Focal.class, "dice_bce", LossConfig.DiceCrossEntropy.class,
            "dice_ce", LossConfig.DiceCrossEntropy.class, "dice_focal", LossConfig.DiceFocal.class);
    private static final Map<String, Class<?>> OPTIMIZERS = names(
            "adam", OptimizerConfig.AdamSettings.class, "adamw", OptimizerConfig.AdamWSettings.class,
            "sgd", OptimizerConfig.SgdSettings.class, "novograd", OptimizerConfig.NovogradSettings.class);
    private static final Map<String, Class<?>> SCHEDULES = names(
            "constant", ScheduleConfig.Constant.class, "warmup_cosine", ScheduleConfig.WarmupCosine.class,
            "reduce_on_plateau", ScheduleConfig.ReduceOnPlateau.class, "poly", ScheduleConfig.Poly.class,
            "step", ScheduleConfig.Step.class, "multistep", ScheduleConfig.MultiStep.class,
            "exponential", ScheduleConfig.Exponential.class, "cosine_restarts", ScheduleConfig.CosineRestarts.class);

    private String family;
    private Map<String, Class<?>> variants;
    private List<String> known;

    @Override
    public void init(JavaType baseType) {
        super.init(baseType);
        Class<?> base = baseType.getRawClass();
        if (LossConfig.class.isAssignableFrom(base)) {
            family = "loss";
            variants = LOSSES;
            known = LossConfig.NAMES;
        } else if (OptimizerConfig.class.isAssignableFrom(base)) {
            family = "optimizer";
            variants = OPTIMIZERS;
            known = OptimizerConfig.NAMES;
        } else if (ScheduleConfig.class.isAssignableFrom(base)) {
            family = "scheduler";
            variants = SCHEDULES;
            known = ScheduleConfig.NAMES;
        } else {
            throw new IllegalArgumentException("no variant names for " + base.getName());
        }
    }

    @Override
    public String idFromValue(Object value) {
        if (value instanceof LossConfig loss) {
            return loss.name();
        }
        if (value instanceof OptimizerConfig optimizer) {
            return optimizer.name();
        }
        if (value instanceof ScheduleConfig schedule) {
            return schedule.name();
        }
        throw new IllegalArgumentException("no config name for " + value.getClass().getName());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return idFromValue(value);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<?> variant = variants.get(id);
        if (variant == null) {
            throw new UnknownNameException(family, id, known);
        }
        return context.constructType(variant);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", known);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }

    /**
     * The name of the variant that {@code type} (a variant record or its builder) reads, for messages about a key
     * the variant does not have; the first name where a variant has aliases.
     */
    static Optional<String> nameOf(Class<?> type) {
        if (type == null) {
            return Optional.empty();
        }
        Class<?> variant = type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null
                ? type.getEnclosingClass() : type;
        for (Map<String, Class<?>> family : List.of(LOSSES, OPTIMIZERS, SCHEDULES)) {
            for (String name : family == LOSSES ? LossConfig.NAMES : family == OPTIMIZERS ? OptimizerConfig.NAMES
                    : ScheduleConfig.NAMES) {
                if (family.get(name) == variant) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Class<?>> names(Object... pairs) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Class<?>) pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
