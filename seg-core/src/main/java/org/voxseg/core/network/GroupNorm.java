package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Group normalisation with a per-channel scale and shift (PyTorch's GroupNorm; instance norm when there are as many
 * groups as channels), which DJL lacks. Each (sample, group) is normalised over its voxels by running the native
 * batch-norm kernel on the input viewed as (1, N * groups, voxels), the lightest way found (docs/engine.md).
 */
public final class GroupNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    private final int channels;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * @throws IllegalArgumentException if channels are not divisible by groups
     */
    public GroupNorm(int channels, int groups) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels are not divisible into " + groups + " groups");
        }
        this.channels = channels;
        this.groups = groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build());
    }

    /** Instance normalisation: one group per channel. */
    public static GroupNorm instance(int channels) {
        return new GroupNorm(channels, channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        NDManager manager = x.getManager();
        NDArray grouped = x.reshape(1, batch * groups, -1);
        Shape perGroup = new Shape(batch * groups);
        NDArray scale = store.getValue(gamma, x.getDevice(), training);
        NDArray shift = store.getValue(beta, x.getDevice(), training);
        boolean perChannel = groups == channels;
        // Instance norm: the affine runs inside the kernel (scale and shift repeated per sample), as PyTorch's
        // InstanceNorm3d does, saving two element-wise passes each way. Statistics arrays are separate from the
        // affine ones because the kernel may write them in place; DJL's momentum 1 (PyTorch's 0) leaves them alone.
        // In the input's number type, so a network computing in half precision normalises in it too.
        DataType type = x.getDataType();
        NDArray normalised = BatchNorm.batchNorm(grouped, manager.zeros(perGroup, type), manager.ones(perGroup, type),
                perChannel ? scale.tile(batch) : manager.ones(perGroup, type),
                perChannel ? shift.tile(batch) : manager.zeros(perGroup, type), 1, 1f, EPSILON, true)
                .singletonOrThrow().reshape(shape);
        if (perChannel) {
            return new NDList(normalised);
        }
        long[] broadcast = new long[shape.dimension()];
        Arrays.fill(broadcast, 1);
        broadcast[1] = channels;
        return new NDList(normalised.mul(scale.reshape(broadcast)).add(shift.reshape(broadcast)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
