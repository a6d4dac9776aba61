package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;
import org.voxseg.core.api.PredictionOption;

/** Fiji's Segment command has a field for every prediction option, labelled and explained as declared once. */
class PredictCommandTest {

    @Test
    void everyPredictionOptionIsAParameterWithItsDeclaredLabelAndHelp() throws NoSuchFieldException {
        for (PredictionOption option : PredictionOption.values()) {
            Field field = PredictCommand.class.getDeclaredField(option.fieldName());
            Parameter parameter = field.getAnnotation(Parameter.class);

            assertEquals(String.class, field.getType(), option.key());
            assertEquals(option.label(), parameter.label(), option.key());
            assertEquals(option.description(), parameter.description(), option.key());
            assertEquals(option.isSwitch() ? 3 : 0, parameter.choices().length, option.key());
        }
    }
}
