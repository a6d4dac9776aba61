package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Convolution, normalisation, dropout (while training), activation: the unit every U-Net block is made of. With
 * {@code activate} false the activation is left to the caller (the second convolution of a residual block).
 */
final class ConvNormAct extends AbstractBlock {

    private final Layers layers;
    private final int filters;
    private final int[] strideXyz;
    private final boolean activate;
    private final Block convolution;
    private final Block normalisation;

    ConvNormAct(Layers layers, int filters, int[] kernelXyz, int[] strideXyz, boolean activate) {
        this.layers = layers;
        this.filters = filters;
        this.strideXyz = strideXyz.clone();
        this.activate = activate;
        this.convolution = addChildBlock("conv", layers.convolution(filters, kernelXyz, strideXyz));
        this.normalisation = addChildBlock("norm", layers.normalisation(filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = convolution.forward(store, inputs, training).singletonOrThrow();
        x = normalisation.forward(store, new NDList(x), training).singletonOrThrow();
        x = layers.dropout(x, training);
        return new NDList(activate ? layers.activate(x) : x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Spatial.downsampled(inputShapes[0], filters, strideXyz)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convolution.initialize(manager, dataType, inputShapes);
        normalisation.initialize(manager, dataType, convolution.getOutputShapes(inputShapes));
    }
}
