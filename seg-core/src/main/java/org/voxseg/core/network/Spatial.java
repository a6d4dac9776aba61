package org.voxseg.core.network;

import ai.djl.ndarray.types.Shape;

/** Sizes given along (x, y, z), as configs and patches use them, in a tensor's (z, y, x) axis order. */
final class Spatial {

    private Spatial() {
    }

    /** (z, y, x) of an (x, y, z) triple. */
    static Shape zyx(int[] xyz) {
        return new Shape(xyz[2], xyz[1], xyz[0]);
    }

    /** Half of each (odd) kernel size along (z, y, x): the padding that keeps sizes. */
    static Shape samePadding(int[] kernelXyz) {
        return new Shape(kernelXyz[2] / 2, kernelXyz[1] / 2, kernelXyz[0] / 2);
    }

    /** The shape (N, C, z, y, x) with {@code channels} channels and spatial sizes divided by {@code strideXyz}. */
    static Shape downsampled(Shape input, long channels, int[] strideXyz) {
        return new Shape(input.get(0), channels, input.get(2) / strideXyz[2], input.get(3) / strideXyz[1],
                input.get(4) / strideXyz[0]);
    }

    /** The shape (N, C, z, y, x) with {@code channels} channels and spatial sizes multiplied by {@code factorXyz}. */
    static Shape upsampled(Shape input, long channels, int[] factorXyz) {
        return new Shape(input.get(0), channels, input.get(2) * factorXyz[2], input.get(3) * factorXyz[1],
                input.get(4) * factorXyz[0]);
    }
}
