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
import java.util.ArrayList;
import java.util.List;

/**
 * The convolutions of one U-Net level: a stack of {@link ConvNormAct} (the first one strided), or, for residual
 * networks, residual units of two convolutions whose sum with the input (projected by a strided 1x1x1 convolution
 * and normalisation when shapes differ) is then activated.
 */
final class ConvStage extends AbstractBlock {

    private final Layers layers;
    private final boolean residual;
    private final int filters;
    private final int[] strideXyz;
    private final List<Block> units = new ArrayList<>();
    private final Block projection;
    private final Block projectionNorm;

    ConvStage(Layers layers, NetworkConfig config, int inChannels, int filters, int[] kernelXyz, int[] strideXyz) {
        this.layers = layers;
        this.residual = config.residual();
        this.filters = filters;
        this.strideXyz = strideXyz.clone();
        int[] unit = {1, 1, 1};
        for (int c = 0; c < config.convsPerLevel(); c++) {
            int[] stride = c == 0 ? strideXyz : unit;
            boolean lastOfResidualUnit = residual && c == config.convsPerLevel() - 1;
            units.add(addChildBlock("conv" + c, new ConvNormAct(layers, filters, kernelXyz, stride,
                    !lastOfResidualUnit)));
        }
        boolean reshapes = inChannels != filters || strideXyz[0] * strideXyz[1] * strideXyz[2] != 1;
        if (residual && reshapes) {
            this.projection = addChildBlock("skip", layers.convolution(filters, unit, strideXyz));
            this.projectionNorm = addChildBlock("skip_norm", layers.normalisation(filters));
        } else {
            this.projection = null;
            this.projectionNorm = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = x;
        for (Block unit : units) {
            y = unit.forward(store, new NDList(y), training).singletonOrThrow();
        }
        if (!residual) {
            return new NDList(y);
        }
        NDArray shortcut = x;
        if (projection != null) {
            shortcut = projection.forward(store, new NDList(x), training).singletonOrThrow();
            shortcut = projectionNorm.forward(store, new NDList(shortcut), training).singletonOrThrow();
        }
        return new NDList(layers.activate(y.add(shortcut)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Spatial.downsampled(inputShapes[0], filters, strideXyz)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block unit : units) {
            unit.initialize(manager, dataType, shapes);
            shapes = unit.getOutputShapes(shapes);
        }
        if (projection != null) {
            projection.initialize(manager, dataType, inputShapes);
            projectionNorm.initialize(manager, dataType, projection.getOutputShapes(inputShapes));
        }
    }
}
