package org.voxseg.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.testing.NdManagerExtension;

@ExtendWith(NdManagerExtension.class)
class OptimizerConfigTest {

    private static OptimizerConfig read(String json) throws JsonProcessingException {
        return ConfigJson.parse(json, OptimizerConfig.class);
    }

    @Test
    void defaultsArePytorchs() throws JsonProcessingException {
        OptimizerConfig.AdamSettings adam = (OptimizerConfig.AdamSettings) read("{}");
        assertEquals("adam", adam.name());
        assertEquals(1e-3, adam.learningRate());
        assertArrayEquals(new double[] {0.9, 0.999}, adam.betas().toArray());
        assertTrue(Double.isNaN(adam.clipGradNorm()));
        assertEquals(0.01, read("{\"name\": \"adamw\"}").weightDecay());
    }

    @Test
    void buildsEachOptimizer(NDManager manager) throws JsonProcessingException {
        try (Optimizer sgd = read("{\"name\": \"sgd\", \"lr\": 0.01, \"momentum\": 0.99, \"nesterov\": true}")
                .build(manager)) {
            assertInstanceOf(Sgd.class, sgd);
        }
        try (Optimizer adamW = read("{\"name\": \"adamw\"}").build(manager)) {
            assertInstanceOf(Adam.class, adamW);
        }
        assertThrows(IllegalArgumentException.class, () -> read("{\"name\": \"lamb\"}").build(manager));
    }

    @Test
    void novogradDefaultsAreMonais(NDManager manager) throws JsonProcessingException {
        OptimizerConfig.NovogradSettings novograd = (OptimizerConfig.NovogradSettings) read("{\"name\": \"novograd\"}");
        assertArrayEquals(new double[] {0.9, 0.98}, novograd.betas().toArray());
        assertEquals(1e-3, novograd.learningRate());
        try (Optimizer optimizer = novograd.build(manager)) {
            assertInstanceOf(Novograd.class, optimizer);
        }
    }

    @Test
    void parameterGroupsAreRead() throws JsonProcessingException {
        OptimizerConfig config = read("{\"lr\": 0.01, \"param_groups\": [{\"match\": \"encoder.*\", \"lr\": 1e-4},"
                + " {\"match\": \".*\\\\.bias\", \"lr\": 0.02, \"weight_decay\": 0}]}");

        assertEquals(2, config.parameterGroups().size());
        assertEquals(1e-4, config.parameterGroups().get(0).learningRate());
        assertTrue(Double.isNaN(config.parameterGroups().get(0).weightDecay()));
        assertTrue(config.parameterGroups().get(1).contains("01decoder0_01conv0_02norm_bias"));
        assertThrows(Exception.class, () -> read("{\"param_groups\": [{\"lr\": 1}]}"), "match is required");
    }

    @Test
    void misspeltKeysAreRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> read("{\"learning_rate\": 0.1}"));
    }
}
