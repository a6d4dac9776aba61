package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Extent;

@ExtendWith(NdManagerExtension.class)
class TrainingSetupTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager testManager) {
        this.manager = testManager;
    }

    private float[] firstWeights(long seed) {
        try (TrainingSetup setup = TrainingSetup.create(NetworkConfig.basic(1, 1, 4, 8), Precision.FP32, 1,
                Extent.cube(8), DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-3), seed,
                manager)) {
            return setup.network().getParameters().valueAt(0).getArray().toFloatArray();
        }
    }

    @Test
    void theInitialWeightsAreAFunctionOfTheWholeSeed() {
        assertArrayEquals(firstWeights(7), firstWeights(7));
        assertFalse(Arrays.equals(firstWeights(7), firstWeights(7 + (1L << 32))),
                "seeds that differ only above bit 32 must not give the same network");
    }
}
