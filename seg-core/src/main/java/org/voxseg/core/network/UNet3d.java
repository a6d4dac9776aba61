package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import org.voxseg.data.grid.Extent;

/**
 * A configurable 3D U-Net (nnU-Net's plain or residual encoder-decoder): per level a convolution stage (strided
 * from level 1 on), a decoder that up-samples, concatenates the skip connection and convolves, a 1x1x1 output
 * convolution, and optional deep-supervision heads on the coarser decoder levels (returned while training, finest
 * first). Input (N, C, z, y, x) with sizes multiples of {@link NetworkConfig#totalStride()}.
 *
 * <p>The block holds the weights, named and initialised as DJL's layers name and initialise them (checkpoints and
 * optimisers go by those names); its forward is one call of the U-Net's program ({@link UNetProgram}), where
 * libtorch frees each intermediate as soon as it can. The DJL layers' own forward, {@link #forwardLayerByLayer},
 * remains as the independent reference the program's outputs are tested against.
 */
public final class UNet3d extends AbstractBlock {

    private static final byte VERSION = 1;

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
        Layers layers = new Layers(config);
        int[] filters = config.filtersArray();
        int[][] strides = config.stridesArray();
        int[][] kernels = config.kernelSizesArray();
        int channels = config.inChannels();
        for (int level = 0; level < config.levels(); level++) {
            encoder.add(addChildBlock("encoder" + level, new ConvStage(layers, config, channels, filters[level],
                    kernels[level], strides[level])));
            channels = filters[level];
        }
        for (int level = config.levels() - 2; level >= 0; level--) {
            upsamplers.add(0, addChildBlock("up" + level, upsampler(layers, filters[level], strides[level + 1])));
            decoder.add(0, addChildBlock("decoder" + level, new ConvStage(layers, config, 2 * filters[level],
                    filters[level], kernels[level], new int[] {1, 1, 1})));
        }
        this.output = addChildBlock("output", layers.pointwise(config.outChannels(), true));
        if (config.deepSupervision()) {
            for (int level = 1; level < config.levels() - 1; level++) {
                supervisionHeads.add(addChildBlock("supervision" + level, layers.pointwise(config.outChannels(),
                        true)));
            }
        }
        // He initialisation (nnU-Net): normal, variance 2 / fan-in.
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN,
                2), Parameter.Type.WEIGHT);
    }

    private Block upsampler(Layers layers, int filters, int[] factorXyz) {
        return switch (config.upsampling()) {
            case TRANSPOSED -> new TransposedConvUpsample(layers, filters, factorXyz);
            case NEAREST -> new InterpolatingUpsample(layers, filters, factorXyz, false);
            case TRILINEAR -> new InterpolatingUpsample(layers, filters, factorXyz, true);
        };
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

    /**
     * The forward layer by layer through DJL's operations, which the program replaces: the reference its training
     * outputs are tested against. Each stage runs in its own NDManager scope, so native memory is bounded by a few
     * feature maps (autograd keeps what backward needs).
     */
    NDList forwardLayerByLayer(ParameterStore store, NDList inputs, boolean training) {
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> skips = new ArrayList<>();
        NDArray current = x;
        for (Block stage : encoder) {
            current = scoped(stage, store, current, training);
            skips.add(current);
        }
        boolean supervise = training && config.deepSupervision();
        NDList supervision = new NDList();
        for (int level = config.levels() - 2; level >= 0; level--) {
            NDArray up = scoped(upsamplers.get(level), store, current, training);
            current.close();
            NDArray joined = NDArrays.concat(new NDList(up, skips.get(level)), 1);
            up.close();
            skips.get(level).close();
            current = scoped(decoder.get(level), store, joined, training);
            joined.close();
            if (supervise && level > 0) {
                supervision.add(0, scoped(supervisionHeads.get(level - 1), store, current, training));
            }
        }
        NDArray result = scoped(output, store, current, training);
        current.close();
        NDList outputs = new NDList(result);
        outputs.addAll(supervision);
        return outputs;
    }

    /** Runs {@code block} in a sub-manager of the input's, keeping only its output. */
    private static NDArray scoped(Block block, ParameterStore store, NDArray input, boolean training) {
        NDManager parent = input.getManager();
        try (NDManager scope = parent.newSubManager()) {
            scope.tempAttachAll(input);
            NDArray result = block.forward(store, new NDList(input), training).singletonOrThrow();
            result.attach(parent);
            return result;
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape main = new Shape(in.get(0), config.outChannels(), in.get(2), in.get(3), in.get(4));
        return new Shape[] {main};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        List<Shape> levelShapes = new ArrayList<>();
        Shape[] shapes = inputShapes;
        for (Block stage : encoder) {
            stage.initialize(manager, dataType, shapes);
            shapes = stage.getOutputShapes(shapes);
            levelShapes.add(shapes[0]);
        }
        for (int level = config.levels() - 2; level >= 0; level--) {
            Block up = upsamplers.get(level);
            up.initialize(manager, dataType, shapes);
            Shape skip = levelShapes.get(level);
            Shape joined = new Shape(skip.get(0), 2 * skip.get(1), skip.get(2), skip.get(3), skip.get(4));
            decoder.get(level).initialize(manager, dataType, joined);
            shapes = decoder.get(level).getOutputShapes(new Shape[] {joined});
            if (config.deepSupervision() && level > 0) {
                supervisionHeads.get(level - 1).initialize(manager, dataType, shapes);
            }
        }
        output.initialize(manager, dataType, shapes);
    }
}
