package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * The order of the spatial axes in a network's tensors. voxseg keeps volumes with x (the file's i) fastest, so its
 * own networks read (N, C, k, j, i); nibabel, MONAI and most PyTorch code hold arrays as (N, C, i, j, k). A model
 * from there is handed transposed windows and its outputs are transposed back.
 */
public enum TensorAxes {
    /** (N, C, k, j, i): voxseg's own networks, and a network exported from voxseg. */
    CKJI,
    /** (N, C, i, j, k): MONAI's and nibabel's order. */
    CIJK;

    /** Windows in voxseg's (N, C, k, j, i) order as this order expects them (a view, not a copy). */
    public NDArray fromVoxseg(NDArray windows) {
        return this == CKJI ? windows : windows.transpose(0, 1, 4, 3, 2);
    }

    /** A network's outputs in this order as voxseg's (N, C, k, j, i) (a view, not a copy). */
    public NDArray toVoxseg(NDArray outputs) {
        return this == CKJI ? outputs : outputs.transpose(0, 1, 4, 3, 2);
    }

    /** The option's and model.json's spelling, e.g. {@code cijk}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
