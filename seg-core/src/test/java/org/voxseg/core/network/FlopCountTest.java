package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlopCountTest {

    @Test
    void countsEveryConvolutionsMultiplyAdds() {
        // 2 -> 3 channels, filters 4, 8, strides 1 then 2, kernels 3, transposed upsampling, input 8^3.
        NetworkConfig config = NetworkConfig.basic(2, 3, 4, 8);
        long full = 8 * 8 * 8;
        long half = 4 * 4 * 4;
        double expected = 2.0 * 27 * full * (2 * 4 + 4 * 4)     // level 0: 2 -> 4, 4 -> 4
                + 2.0 * 27 * half * (4 * 8 + 8 * 8)              // level 1: 4 -> 8, 8 -> 8
                + 2.0 * 8 * 4 * full                             // transposed 8 -> 4, k2 s2 (per output voxel)
                + 2.0 * 27 * full * (8 * 4 + 4 * 4)              // decoder 0: 8 -> 4, 4 -> 4
                + 2.0 * 4 * 3 * full;                            // output 1x1x1

        assertEquals(expected, FlopCount.forward(config, 1, new int[] {8, 8, 8}), 1e-6);
        assertEquals(2 * expected, FlopCount.forward(config, 2, new int[] {8, 8, 8}), 1e-6);
    }

    @Test
    void theReferenceNetworkAt64Is28point8Gflops() {
        // Counted independently (level by level, in Python) for the reference network of docs/engine.md.
        double flops = FlopCount.forward(NetworkConfig.basic(4, 3, 16, 32, 64, 128), 1, new int[] {64, 64, 64});

        assertEquals(28.806479872e9, flops, 1e3);
    }
}
