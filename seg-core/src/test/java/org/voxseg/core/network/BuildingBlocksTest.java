package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.testing.NdManagerExtension;

/** The replacements for what DJL's PyTorch engine lacks: transposed convolution, trilinear, group norm. */
@ExtendWith(NdManagerExtension.class)
class BuildingBlocksTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        TorchRuntime.engine().setRandomSeed(11);
        this.manager = manager;
    }

    @Test
    void transposedConvolutionEqualsTheDirectDefinition() {
        int in = 2;
        int out = 3;
        int[] factorXyz = {2, 1, 2};
        int sx = factorXyz[0];
        int sy = factorXyz[1];
        int sz = factorXyz[2];
        Layers layers = new Layers(NetworkConfig.basic(in, out, 4, 8));
        TransposedConvUpsample up = new TransposedConvUpsample(layers, out, factorXyz);
        Shape shape = new Shape(1, in, 2, 3, 2);  // (N, C, z, y, x)
        up.initialize(manager, DataType.FLOAT32, shape);
        NetworkTestSupport.parameter(up, "bias").set(new float[] {0.5f, -1f, 2f});
        NDArray x = manager.randomNormal(shape);

        float[] actual = NetworkTestSupport.forward(up, manager, x, false).singletonOrThrow().toFloatArray();

        // ConvTranspose3d(k = s, stride = s):
        //     out[co, z*sz + a, y*sy + b, x*sx + e] = sum_ci x[ci, z, y, x] W[ci, co, a, b, e]
        float[] w = NetworkTestSupport.parameter(up, "expand_weight").toFloatArray();  // (out * sz*sy*sx, in)
        float[] bias = {0.5f, -1f, 2f};
        float[] input = x.toFloatArray();
        int nz = 2;
        int ny = 3;
        int nx = 2;
        float[] expected = new float[out * nz * sz * ny * sy * nx * sx];
        for (int co = 0; co < out; co++) {
            for (int z = 0; z < nz * sz; z++) {
                for (int y = 0; y < ny * sy; y++) {
                    for (int xx = 0; xx < nx * sx; xx++) {
                        int a = z % sz;
                        int b = y % sy;
                        int e = xx % sx;
                        double sum = bias[co];
                        for (int ci = 0; ci < in; ci++) {
                            float value = input[((ci * nz + z / sz) * ny + y / sy) * nx + xx / sx];
                            int row = co * sz * sy * sx + (a * sy + b) * sx + e;
                            sum += value * w[row * in + ci];
                        }
                        expected[((co * nz * sz + z) * ny * sy + y) * nx * sx + xx] = (float) sum;
                    }
                }
            }
        }
        assertArrayEquals(expected, actual, 1e-5f);
    }

    @Test
    void theTransposedConvolutionBiasLearnsFromEveryUpsampledVoxel() {
        Layers layers = new Layers(NetworkConfig.basic(2, 3, 4, 8));
        TransposedConvUpsample up = new TransposedConvUpsample(layers, 3, new int[] {2, 2, 2});
        Shape shape = new Shape(1, 2, 2, 3, 2);
        up.initialize(manager, DataType.FLOAT32, shape);
        NDArray x = manager.randomNormal(shape);

        try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            collector.backward(NetworkTestSupport.forward(up, manager, x, true).singletonOrThrow().sum());
        }

        // d(sum of outputs) / d(bias[c]) = the voxels of channel c: 2x3x2 input voxels, each upsampled 2x2x2.
        float[] gradient = NetworkTestSupport.parameter(up, "bias").getGradient().toFloatArray();
        assertArrayEquals(new float[] {96, 96, 96}, gradient, 1e-4f);
    }

    @Test
    void linearTimesTwoMatchesPytorchTrilinear() {
        // torch.nn.functional.interpolate([[0, 4, 8]], scale_factor=2, mode="linear", align_corners=False)
        NDArray x = manager.create(new float[] {0, 4, 8}, new Shape(1, 1, 3));

        assertArrayEquals(new float[] {0, 1, 3, 5, 7, 8},
                InterpolatingUpsample.linearTimesTwo(x, 2).toFloatArray());
    }

    @Test
    void nearestUpsamplingRepeatsVoxels() {
        Layers layers = new Layers(NetworkConfig.basic(1, 1, 4, 8));
        InterpolatingUpsample up = new InterpolatingUpsample(layers, 1, new int[] {2, 1, 1}, false);
        Shape shape = new Shape(1, 1, 1, 1, 2);
        up.initialize(manager, DataType.FLOAT32, shape);
        NetworkTestSupport.parameter(up, "project_weight").set(new float[] {1});
        NetworkTestSupport.parameter(up, "project_bias").set(new float[] {0});

        NDArray out = NetworkTestSupport.forward(up, manager, manager.create(new float[] {3, 5}, shape), false)
                .singletonOrThrow();

        assertArrayEquals(new float[] {3, 3, 5, 5}, out.toFloatArray());
    }

    @Test
    void groupNormGivesZeroMeanAndUnitVariancePerGroup() {
        GroupNorm norm = new GroupNorm(4, 2);
        Shape shape = new Shape(2, 4, 3, 4, 5);
        norm.initialize(manager, DataType.FLOAT32, shape);
        NDArray x = manager.randomNormal(3, 5, shape, DataType.FLOAT32);

        float[] y = NetworkTestSupport.forward(norm, manager, x, true).singletonOrThrow().toFloatArray();

        int groupSize = 2 * 60;
        for (int g = 0; g < 4; g++) {  // (sample, group) pairs are contiguous blocks
            double sum = 0;
            double squares = 0;
            for (int v = g * groupSize; v < (g + 1) * groupSize; v++) {
                sum += y[v];
                squares += y[v] * y[v];
            }
            double mean = sum / groupSize;
            assertEquals(0, mean, 1e-5);
            assertEquals(1, squares / groupSize - mean * mean, 1e-3);
        }
    }

    @Test
    void instanceNormNormalisesEachChannel() {
        GroupNorm norm = GroupNorm.instance(3);
        Shape shape = new Shape(1, 3, 2, 2, 2);
        norm.initialize(manager, DataType.FLOAT32, shape);
        NetworkTestSupport.parameter(norm, "gamma").set(new float[] {2, 1, 1});
        NetworkTestSupport.parameter(norm, "beta").set(new float[] {10, 0, 0});
        float[] values = new float[24];
        for (int v = 0; v < 24; v++) {
            values[v] = v * v;
        }

        float[] y = NetworkTestSupport.forward(norm, manager, manager.create(values, shape), true)
                .singletonOrThrow().toFloatArray();

        double mean = 0;
        for (int v = 0; v < 8; v++) {
            mean += y[v];
        }
        assertEquals(10, mean / 8, 1e-4, "channel 0: mean beta = 10");
    }
}
