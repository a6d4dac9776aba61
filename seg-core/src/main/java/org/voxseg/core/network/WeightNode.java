package org.voxseg.core.network;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * One node of the U-Net's weight tree: named parameters of known shapes and named child nodes, and no forward of
 * its own (the U-Net's program computes). Parameters are named, typed and initialised as the DJL layers of earlier
 * voxseg versions had them ({@code 01encoder0_01conv0_01conv_weight}), and every node writes the version byte and
 * metadata its layer wrote (a convolution version 3, a batch norm version 2 with its channel count, any other block
 * version 1), so checkpoints of earlier runs load unchanged.
 */
final class WeightNode extends AbstractBlock {

    /** What a node stood for in earlier versions' parameter files. */
    enum Kind {
        /** A block grouping others, or a group normalisation (DJL's default version). */
        BLOCK(1),
        /** DJL's {@code Conv3d}. */
        CONVOLUTION(3),
        /** DJL's {@code BatchNorm}, whose metadata ends with its channel count. */
        BATCH_NORM(2);

        private final byte version;

        Kind(int version) {
            this.version = (byte) version;
        }
    }

    private final Kind kind;
    private final long channels;

    private WeightNode(Kind kind, long channels) {
        super(kind.version);
        this.kind = kind;
        this.channels = channels;
    }

    /** A node grouping child nodes. */
    static WeightNode block() {
        return new WeightNode(Kind.BLOCK, 0);
    }

    /**
     * A convolution's weight (out, in, kz, ky, kx) and, with {@code bias}, its bias (out).
     *
     * @param kernelXyz the kernel along (x, y, z)
     */
    static WeightNode convolution(int out, int in, int[] kernelXyz, boolean bias) {
        WeightNode node = new WeightNode(Kind.CONVOLUTION, 0)
                .parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernelXyz[2], kernelXyz[1],
                        kernelXyz[0]));
        return bias ? node.parameter("bias", Parameter.Type.BIAS, new Shape(out)) : node;
    }

    /** The affine scale and shift (gamma, beta) of a group or instance normalisation over {@code channels}. */
    static WeightNode groupNorm(int channels) {
        return block().parameter("gamma", Parameter.Type.GAMMA, new Shape(channels))
                .parameter("beta", Parameter.Type.BETA, new Shape(channels));
    }

    /** A batch normalisation's scale, shift and running statistics over {@code channels}. */
    static WeightNode batchNorm(int channels) {
        Shape shape = new Shape(channels);
        WeightNode node = new WeightNode(Kind.BATCH_NORM, channels)
                .parameter("gamma", Parameter.Type.GAMMA, shape)
                .parameter("beta", Parameter.Type.BETA, shape);
        node.addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).optShape(shape).build());
        node.addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).optShape(shape).build());
        return node;
    }

    /** This node with a trainable parameter {@code name} of {@code shape}. */
    WeightNode parameter(String name, Parameter.Type type, Shape shape) {
        addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).build());
        return this;
    }

    /** This node with {@code child} added under {@code name} (DJL numbers children in order). */
    WeightNode child(String name, Block child) {
        addChildBlock(name, child);
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException("a weight node only holds weights; the U-Net's program computes");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** Children are initialised in order; every parameter's shape is known, so the shapes only go on record. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        if (kind == Kind.BATCH_NORM) {
            os.writeLong(channels);
        }
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != kind.version) {
            throw new MalformedModelException("a " + kind.name().toLowerCase(Locale.ROOT)
                    + " of version " + kind.version + " was expected, not " + loadVersion);
        }
        readInputShapes(is);
        if (kind == Kind.BATCH_NORM && is.readLong() != channels) {
            throw new MalformedModelException("a batch norm over " + channels + " channels was expected");
        }
    }
}
