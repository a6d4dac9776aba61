package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/** The activation applied on the host to a blended volume of raw outputs. */
class OutputActivationTest {

    /** Two voxels, two channels, channel-major: channel 0 is (0, 2), channel 1 is (1, -1). */
    private static final Volume OUTPUTS = Volume.wrap(Geometry.of(new Extent(2, 1, 1), Affine.identity()), 2,
            new float[] {0, 2, 1, -1});

    @Test
    void sigmoidActsOnEachValue() {
        assertArrayEquals(new float[] {0.5f, 0.8807971f, 0.7310586f, 0.26894143f},
                OutputActivation.SIGMOID.probabilities(OUTPUTS).toArray(), 1e-6f);
    }

    @Test
    void softmaxActsAcrossTheChannelsOfEachVoxel() {
        // voxel 0: softmax(0, 1) = (0.2689414, 0.7310586); voxel 1: softmax(2, -1) = (0.9525741, 0.0474259)
        assertArrayEquals(new float[] {0.26894143f, 0.95257413f, 0.7310586f, 0.047425874f},
                OutputActivation.SOFTMAX.probabilities(OUTPUTS).toArray(), 1e-6f);
    }

    @Test
    void noneLeavesTheVolumeAsItIs() {
        assertSame(OUTPUTS, OutputActivation.NONE.probabilities(OUTPUTS));
    }
}
