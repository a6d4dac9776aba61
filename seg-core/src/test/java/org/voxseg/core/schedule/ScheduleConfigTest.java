package org.voxseg.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.voxseg.core.config.ConfigJson;

class ScheduleConfigTest {

    private static ScheduleConfig read(String json) throws JsonProcessingException {
        return ConfigJson.parse(json, ScheduleConfig.class);
    }

    @Test
    void everyNamedScheduleBuildsWithItsParameters() throws JsonProcessingException {
        LearningRateSchedule cosine = read("{\"name\": \"warmup_cosine\", \"warmup_steps\": 5}").build(1e-4, 20);
        for (int s = 0; s < 5; s++) {
            cosine.step(Double.NaN);
        }
        assertEquals(1e-4, cosine.learningRate(), 1e-15);

        LearningRateSchedule plateau = read("{\"name\": \"reduce_on_plateau\", \"mode\": \"max\", \"patience\": 0,"
                + " \"factor\": 0.5}").build(1, 10);
        plateau.step(0.5);
        plateau.step(0.4);
        assertEquals(0.5, plateau.learningRate());

        LearningRateSchedule multistep = read("{\"name\": \"multistep\", \"milestones\": [1, 2], \"gamma\": 0.5}")
                .build(1, 10);
        multistep.step(Double.NaN);
        multistep.step(Double.NaN);
        assertEquals(0.25, multistep.learningRate());

        LearningRateSchedule constant = read("{}").build(0.3, 10);
        constant.step(Double.NaN);
        assertEquals(0.3, constant.learningRate());

        for (String name : ScheduleConfig.NAMES) {
            assertTrue(read("{\"name\": \"" + name + "\"}").build(0.1, 10).learningRate() >= 0, name);
        }
    }

    @Test
    void stepUnitIsEpochOrIteration() throws JsonProcessingException {
        assertTrue(read("{\"step\": \"iteration\"}").perIteration());
        assertThrows(InvalidFormatException.class, () -> read("{\"step\": \"batch\"}"));
    }

    @Test
    void unknownKeysAndNamesAreRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> read("{\"name\": \"poly\", \"power\": 2}"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("{\"name\": \"cosine\"}").build(1, 10));
        assertTrue(error.getMessage().startsWith("unknown scheduler 'cosine'; known: [constant, warmup_cosine"));
    }
}
