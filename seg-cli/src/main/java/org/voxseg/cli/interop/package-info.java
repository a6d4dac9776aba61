/**
 * voxseg import and voxseg export: models from the Python world (TorchScript, MONAI bundles) made into run folders,
 * and trained networks written as safetensors with a PyTorch module. Sizes (--roi) are given along (x, y, z), the
 * file's (i, j, k).
 */
package org.voxseg.cli.interop;
