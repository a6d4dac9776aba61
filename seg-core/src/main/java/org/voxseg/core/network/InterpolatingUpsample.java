package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1x1x1 convolution to the target channels (at low resolution, where it is cheap, as MONAI's UpSample
 * "nontrainable" mode does), then nearest or trilinear up-sampling. DJL's trilinear interpolation does not run on
 * its PyTorch engine, so linear x2 is built per axis from shifted copies; it equals PyTorch's
 * {@code interpolate(mode="trilinear", align_corners=False)}.
 */
final class InterpolatingUpsample extends AbstractBlock {

    private final int filters;
    private final int[] factorXyz;
    private final boolean linear;
    private final Block project;

    InterpolatingUpsample(Layers layers, int filters, int[] factorXyz, boolean linear) {
        this.filters = filters;
        this.factorXyz = factorXyz.clone();
        this.linear = linear;
        this.project = addChildBlock("project", layers.pointwise(filters, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray y = project.forward(store, inputs, training).singletonOrThrow();
        for (int d = 0; d < 3; d++) {
            int axis = 4 - d;  // x is the last tensor axis
            if (factorXyz[d] == 1) {
                continue;
            }
            y = linear ? linearTimesTwo(y, axis) : y.repeat(axis, factorXyz[d]);
        }
        return new NDList(y);
    }

    /** Linear x2 along {@code axis}, half-voxel aligned: 3/4 of each voxel and 1/4 of its neighbour (edges clamp). */
    static NDArray linearTimesTwo(NDArray x, int axis) {
        long n = x.getShape().get(axis);
        NDArray first = x.get(slice(axis, "0:1", x));
        NDArray last = x.get(slice(axis, (n - 1) + ":" + n, x));
        NDArray previous = NDArrays.concat(new NDList(first, x.get(slice(axis, "0:" + (n - 1), x))), axis);
        NDArray next = NDArrays.concat(new NDList(x.get(slice(axis, "1:" + n, x)), last), axis);
        NDArray even = x.mul(0.75f).add(previous.mul(0.25f));
        NDArray odd = x.mul(0.75f).add(next.mul(0.25f));
        long[] shape = x.getShape().getShape();
        shape[axis] = 2 * n;
        return NDArrays.stack(new NDList(even, odd), axis + 1).reshape(new Shape(shape));
    }

    private static NDIndex slice(int axis, String range, NDArray x) {
        StringBuilder index = new StringBuilder();
        for (int d = 0; d < x.getShape().dimension(); d++) {
            index.append(d == 0 ? "" : ", ").append(d == axis ? range : ":");
        }
        return new NDIndex(index.toString());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Spatial.upsampled(inputShapes[0], filters, factorXyz)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        project.initialize(manager, dataType, inputShapes);
    }
}
