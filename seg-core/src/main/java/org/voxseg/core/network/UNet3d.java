package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxseg.core.engine.Precision;
import org.voxseg.data.geometry.Extent;

/**
 * A configurable 3D U-Net (nnU-Net's plain or residual encoder-decoder): per level a convolution stage (strided
 * from level 1 on), a decoder that up-samples, concatenates the skip connection and convolves, a 1x1x1 output
 * convolution, and optional deep-supervision heads on the coarser decoder levels (returned while training, finest
 * first). Input (N, C, z, y, x) with sizes multiples of {@link NetworkConfig#totalStride()}.
 *
 * <p>The block holds the weights in a tree of {@link WeightNode}s, named and initialised as the DJL layers of
 * earlier versions named and initialised them (checkpoints and optimisers go by those names); its forward is one
 * call of the U-Net's program ({@link UNetProgram}), defined once in {@code voxseg_unet.py}.
 */
public final class UNet3d extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int[] UNIT = {1, 1, 1};

    private final NetworkConfig config;
    private final List<Block> encoder = new ArrayList<>();
    private final List<Block> upsamplers = new ArrayList<>();
    private final List<Block> decoder = new ArrayList<>();
    private final List<Block> supervisionHeads = new ArrayList<>();
    private final Block output;
    private final Precision precision;
    private UNetProgram program;

    /**
     * A network of {@code config} with its parameters initialised in {@code manager} for batches of
     * {@code batchSize} patches of {@code patch} voxels along (x, y, z).
     */
    public static UNet3d initialized(NetworkConfig config, NDManager manager, int batchSize, Extent patch) {
        return initialized(config, Precision.FP32, manager, batchSize, patch);
    }

    /** As {@link #initialized(NetworkConfig, NDManager, int, Extent)}, training in {@code precision}. */
    public static UNet3d initialized(NetworkConfig config, Precision precision, NDManager manager, int batchSize,
            Extent patch) {
        UNet3d network = new UNet3d(config, precision);
        network.initialize(manager, DataType.FLOAT32,
                new Shape(batchSize, config.inChannels(), patch.z(), patch.y(), patch.x()));
        return network;
    }

    /** A network of {@code config} that trains in float32. */
    public UNet3d(NetworkConfig config) {
        this(config, Precision.FP32);
    }

    /**
     * A network of {@code config} whose training and patch-validation forward computes its convolutions in
     * {@code precision} (mixed precision: weights, normalisation and outputs stay float32).
     */
    public UNet3d(NetworkConfig config, Precision precision) {
        super(VERSION);
        this.config = config;
        this.precision = Objects.requireNonNull(precision, "precision");
        int[] filters = config.filtersArray();
        int[][] strides = config.stridesArray();
        int[][] kernels = config.kernelSizesArray();
        int channels = config.inChannels();
        for (int level = 0; level < config.levels(); level++) {
            encoder.add(addChildBlock("encoder" + level, stage(channels, filters[level], kernels[level],
                    strides[level])));
            channels = filters[level];
        }
        for (int level = config.levels() - 2; level >= 0; level--) {
            upsamplers.add(0, addChildBlock("up" + level, upsampler(filters[level + 1], filters[level],
                    strides[level + 1])));
            decoder.add(0, addChildBlock("decoder" + level, stage(2 * filters[level], filters[level],
                    kernels[level], UNIT)));
        }
        this.output = addChildBlock("output", WeightNode.convolution(config.outChannels(), filters[0], UNIT, true));
        if (config.deepSupervision()) {
            for (int level = 1; level < config.levels() - 1; level++) {
                supervisionHeads.add(addChildBlock("supervision" + level, WeightNode.convolution(
                        config.outChannels(), filters[level], UNIT, true)));
            }
        }
        // He initialisation (nnU-Net): normal, variance 2 / fan-in.
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN,
                2), Parameter.Type.WEIGHT);
    }

    /**
     * The weights of one level's convolutions: per convolution {@code conv<c>} (its weight, then its normalisation
     * {@code norm}), the first strided; for residual stages that change shape, the projection {@code skip} and
     * {@code skip_norm}. Convolutions are followed by normalisation, which removes any per-channel constant, so they
     * have no bias.
     */
    private WeightNode stage(int in, int filters, int[] kernelXyz, int[] strideXyz) {
        WeightNode stage = WeightNode.block();
        for (int c = 0; c < config.convsPerLevel(); c++) {
            stage.child("conv" + c, WeightNode.block()
                    .child("conv", WeightNode.convolution(filters, c == 0 ? in : filters, kernelXyz, false))
                    .child("norm", normalisation(filters)));
        }
        boolean reshapes = in != filters || strideXyz[0] * strideXyz[1] * strideXyz[2] != 1;
        if (config.residual() && reshapes) {
            stage.child("skip", WeightNode.convolution(filters, in, UNIT, false))
                    .child("skip_norm", normalisation(filters));
        }
        return stage;
    }

    /**
     * The weights of an up-sampler from {@code in} to {@code filters} channels by {@code factorXyz}: a transposed
     * convolution's bias and, as {@code expand}, its weight stored as a 1x1x1 convolution to
     * {@code filters * sz * sy * sx} channels (PytorchWeights gives it in ConvTranspose3d's layout); or the 1x1x1
     * convolution {@code project} before nearest or trilinear interpolation.
     */
    private WeightNode upsampler(int in, int filters, int[] factorXyz) {
        if (config.upsampling() == NetworkConfig.Upsampling.TRANSPOSED) {
            int expanded = filters * factorXyz[0] * factorXyz[1] * factorXyz[2];
            return WeightNode.block().parameter("bias", Parameter.Type.BIAS, new Shape(filters))
                    .child("expand", WeightNode.convolution(expanded, in, UNIT, false));
        }
        return WeightNode.block().child("project", WeightNode.convolution(filters, in, UNIT, true));
    }

    /** The configured normalisation's weights over {@code channels}. */
    private WeightNode normalisation(int channels) {
        return config.norm() == NetworkConfig.Norm.BATCH ? WeightNode.batchNorm(channels)
                : WeightNode.groupNorm(channels);
    }

    /** The architecture this network was built from. */
    public NetworkConfig config() {
        return config;
    }

    /**
     * One call of the U-Net's program ({@link UNetProgram}) on the network's own weights: in training autograd
     * records it back to them, and the outputs are the network's and then the deep-supervision heads'.
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager parent = x.getManager();
        try (NDManager scope = parent.newSubManager()) {
            Map<String, NDArray> weights = PytorchWeights.live(this, scope);
            NDList outputs = training ? program().train(x, weights) : new NDList(program().evaluate(x, weights));
            outputs.attach(parent);
            return outputs;
        }
    }

    /** The program, loaded into the weights' scope on first use. */
    private UNetProgram program() {
        if (program == null) {
            program = UNetProgram.load(config, precision, getParameters().valueAt(0).getArray().getManager());
        }
        return program;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape main = new Shape(in.get(0), config.outChannels(), in.get(2), in.get(3), in.get(4));
        return new Shape[] {main};
    }

    /**
     * Initialises the weights in the order earlier versions did (encoder, then per decoder level its up-sampler,
     * convolutions and supervision head, then the output), so a seed gives the same initial weights.
     */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block stage : encoder) {
            stage.initialize(manager, dataType, inputShapes);
        }
        for (int level = config.levels() - 2; level >= 0; level--) {
            upsamplers.get(level).initialize(manager, dataType, inputShapes);
            decoder.get(level).initialize(manager, dataType, inputShapes);
            if (config.deepSupervision() && level > 0) {
                supervisionHeads.get(level - 1).initialize(manager, dataType, inputShapes);
            }
        }
        output.initialize(manager, dataType, inputShapes);
    }
}
