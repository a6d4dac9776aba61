package org.voxseg.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.network.OutputActivation;

class LossConfigTest {

    private static LossConfig read(String json) throws JsonProcessingException {
        return ConfigJson.parse(json, LossConfig.class);
    }

    @Test
    void defaultsAreMonais() throws JsonProcessingException {
        LossConfig config = read("{}");

        assertEquals(DiceLoss.of(OutputActivation.SIGMOID), config.build());
    }

    @Test
    void namedLossesWithParameters() throws JsonProcessingException {
        assertEquals(new TverskyLoss(OutputActivation.SOFTMAX, false, 0.3, 0.7, 1e-5, 1e-5, false),
                read("{\"name\": \"tversky\", \"activation\": \"softmax\", \"include_background\": false,"
                        + " \"alpha\": 0.3, \"beta\": 0.7}").build());
        assertEquals(new DiceLoss(OutputActivation.SIGMOID, true, true, 0, 1e-6, true, true),
                read("{\"name\": \"jaccard\", \"squared_pred\": true, \"smooth_nr\": 0, \"smooth_dr\": 1e-6,"
                        + " \"batch\": true}").build());
        WeightedSum combined = assertInstanceOf(WeightedSum.class,
                read("{\"name\": \"dice_ce\", \"activation\": \"softmax\", \"lambda_ce\": 0.5}").build());
        assertEquals(0.5, combined.weights().get(1).doubleValue());
        assertInstanceOf(CrossEntropyLoss.class, combined.losses().get(1));
    }

    @Test
    void misspeltKeysAndNamesAreRefused() {
        UnrecognizedPropertyException key = assertThrows(UnrecognizedPropertyException.class,
                () -> read("{\"name\": \"dice\", \"smoth_nr\": 1}"));
        assertEquals("smoth_nr", key.getPropertyName());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> read("{\"name\": \"dise\"}").build());
        assertTrue(name.getMessage().startsWith("unknown loss 'dise'; known: [dice, jaccard"), name.getMessage());
        assertThrows(InvalidFormatException.class, () -> read("{\"activation\": \"relu\"}").build());
    }
}
