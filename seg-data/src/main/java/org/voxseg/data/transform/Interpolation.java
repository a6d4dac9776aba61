package org.voxseg.data.transform;

/** How values are taken between voxel centres when a volume changes grid. */
public enum Interpolation {
    /** Trilinear, half-voxel aligned (PyTorch's {@code align_corners=False}): for images and probabilities. */
    LINEAR,
    /** The voxel whose extent holds the sample point ("nearest-exact"): for label maps, values never mix. */
    NEAREST
}
