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
 * lacks, built as a bias-free 1x1x1 convolution to {@code filters * sz * sy * sx} channels, a depth-to-space
 * rearrangement and a per-channel bias: the same parameters and the same result (DJL_NOTES.md). Output channel
 * {@code c * sz * sy * sx + a * sy * sx + b * sx + e} of the 1x1x1 convolution is ConvTranspose3d's weight
 * {@code [in, c, a, b, e]}.
 */
final class TransposedConvUpsample extends AbstractBlock {

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
        NDArray y = expand.forward(store, inputs, training).singletonOrThrow()
                .reshape(in.get(0), filters, sz, sy, sx, in.get(2), in.get(3), in.get(4))
                .transpose(0, 1, 5, 2, 6, 3, 7, 4)
                .reshape(in.get(0), filters, in.get(2) * sz, in.get(3) * sy, in.get(4) * sx);
        NDArray b = store.getValue(bias, x.getDevice(), training).reshape(1, filters, 1, 1, 1);
        return new NDList(y.add(b));
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
