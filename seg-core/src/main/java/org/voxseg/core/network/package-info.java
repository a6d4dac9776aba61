/**
 * The configurable 3D U-Net and the blocks it is built from, including those DJL's PyTorch engine lacks (transposed
 * convolution, group and instance norm, trilinear upsampling; see docs/engine.md). Configured sizes are (x, y, z);
 * tensors are (N, C, z, y, x).
 */
package org.voxseg.core.network;
