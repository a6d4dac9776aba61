package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void aModelSectionReadsWithDefaults() throws Exception {
        NetworkConfig config = JSON.readValue("{\"in_channels\": 4, \"out_channels\": 3, \"filters\": [8, 16, 32],"
                + " \"norm\": \"group\", \"groups\": 4, \"deep_supervision\": true}", NetworkConfig.class);

        assertArrayEquals(new int[][] {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}}, config.strides());
        assertArrayEquals(new int[][] {{3, 3, 3}, {3, 3, 3}, {3, 3, 3}}, config.kernelSizes());
        assertEquals("leaky_relu", config.activation());
        assertEquals("transposed", config.upsampling());
        assertArrayEquals(new int[] {4, 4, 4}, config.totalStride());
        assertEquals(2, config.trainingOutputs());
    }

    @Test
    void writtenAsModelJsonItRebuildsTheSameConfiguration() throws Exception {
        NetworkConfig config = NetworkConfig.of(2, 5, new int[] {8, 16, 24}, new int[][] {{1, 1, 1}, {2, 2, 1},
            {2, 2, 2}}, new int[][] {{3, 3, 1}, {3, 3, 3}, {3, 3, 3}}, "batch", 8, "relu", 0.0, "nearest", true,
            false, 0.1, 3);

        String json = JSON.writeValueAsString(config);
        NetworkConfig back = JSON.readValue(json, NetworkConfig.class);

        assertEquals(json, JSON.writeValueAsString(back));
        assertArrayEquals(config.strides(), back.strides());
        assertEquals(config.dropout(), back.dropout());
        assertEquals(3, back.convsPerLevel());
    }

    @Test
    void misspeltKeysAreRefused() {
        UnrecognizedPropertyException error = assertThrows(UnrecognizedPropertyException.class,
                () -> JSON.readValue("{\"filter\": [8, 16]}", NetworkConfig.class));
        assertEquals("filter", error.getPropertyName());
    }
}
