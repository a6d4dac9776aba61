package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.data.geometry.Extent;

class NetworkConfigTest {

    @Test
    void aModelSectionReadsWithDefaults() throws Exception {
        NetworkConfig config = ConfigJson.parse("{\"in_channels\": 4, \"out_channels\": 3, \"filters\": [8, 16, 32],"
                + " \"norm\": \"group\", \"groups\": 4, \"deep_supervision\": true}", NetworkConfig.class);

        assertArrayEquals(new int[][] {{1, 1, 1}, {2, 2, 2}, {2, 2, 2}}, config.stridesArray());
        assertArrayEquals(new int[][] {{3, 3, 3}, {3, 3, 3}, {3, 3, 3}}, config.kernelSizesArray());
        assertEquals(NetworkConfig.Activation.LEAKY_RELU, config.activation());
        assertEquals(NetworkConfig.Upsampling.TRANSPOSED, config.upsampling());
        assertArrayEquals(new int[] {4, 4, 4}, config.totalStride());
        assertEquals(2, config.trainingOutputs());
    }

    @Test
    void writtenAsModelJsonItRebuildsTheSameConfiguration() throws Exception {
        NetworkConfig config = NetworkConfig.builder().inChannels(2).outChannels(5).filters(List.of(8, 16, 24))
                .strides(List.of(new Extent(1, 1, 1), new Extent(2, 2, 1), new Extent(2, 2, 2)))
                .kernelSizes(List.of(new Extent(3, 3, 1), Extent.cube(3), Extent.cube(3)))
                .norm(NetworkConfig.Norm.BATCH).groups(8)
                .activation(NetworkConfig.Activation.RELU).negativeSlope(0.0)
                .upsampling(NetworkConfig.Upsampling.NEAREST).residual(true).deepSupervision(false).dropout(0.1)
                .convsPerLevel(3).build();

        String json = ConfigJson.text(config);
        NetworkConfig back = ConfigJson.parse(json, NetworkConfig.class);

        assertEquals(json, ConfigJson.text(back));
        assertTrue(json.contains("\"norm\" : \"batch\"") && json.contains("\"upsampling\" : \"nearest\""), json);
        assertArrayEquals(config.stridesArray(), back.stridesArray());
        assertEquals(config.dropout(), back.dropout());
        assertEquals(3, back.convsPerLevel());
    }

    @Test
    void misspeltKeysAreRefused() {
        UnrecognizedPropertyException error = assertThrows(UnrecognizedPropertyException.class,
                () -> ConfigJson.parse("{\"filter\": [8, 16]}", NetworkConfig.class));
        assertEquals("filter", error.getPropertyName());
    }
}
