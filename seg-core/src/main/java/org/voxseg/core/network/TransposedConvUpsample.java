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
import ai.djl.util.PairList;

/**
 * A transposed convolution with kernel = stride (ConvTranspose3d(k = s, stride = s)), which DJL's PyTorch engine
 * lacks, built as a 1x1x1 convolution to {@code filters * sz * sy * sx} channels and a depth-to-space
 * rearrangement: the same parameters and the same result (docs/engine.md). Output channel
 * {@code c * sz * sy * sx + a * sy * sx + b * sx + e} of the 1x1x1 convolution is ConvTranspose3d's weight
 * {@code [in, c, a, b, e]}; the per-channel bias, repeated for the {@code sz * sy * sx} sub-positions, runs inside
 * the convolution kernel rather than as a separate pass over the upsampled volume.
 */
final class TransposedConvUpsample extends AbstractBlock {

    private static final Shape POINTWISE = new Shape(1, 1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0, 0);

    private final int filters;
    private final int[] factorXyz;
    private final Block expand;
    private final Parameter bias;

    TransposedConvUpsample(Layers layers, int filters, int[] factorXyz) {
        this.filters = filters;
        this.factorXyz = factorXyz.clone();
        this.expand = addChildBlock("expand", layers.pointwise(filters * factorXyz[0] * factorXyz[1] * factorXyz[2],
                false));
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape in = x.getShape();
        int sx = factorXyz[0];
        int sy = factorXyz[1];
        int sz = factorXyz[2];
        NDArray weight = store.getValue(expand.getParameters().get("weight"), x.getDevice(), training);
        NDArray repeatedBias = store.getValue(bias, x.getDevice(), training).repeat(0, (long) sz * sy * sx);
        NDArray y = x.getNDArrayInternal().convolution(x, weight, repeatedBias, POINTWISE, NO_PADDING, POINTWISE, 1)
                .singletonOrThrow()
                .reshape(in.get(0), filters, sz, sy, sx, in.get(2), in.get(3), in.get(4))
                .transpose(0, 1, 5, 2, 6, 3, 7, 4)
                .reshape(in.get(0), filters, in.get(2) * sz, in.get(3) * sy, in.get(4) * sx);
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Spatial.upsampled(inputShapes[0], filters, factorXyz)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, inputShapes);
    }
}
