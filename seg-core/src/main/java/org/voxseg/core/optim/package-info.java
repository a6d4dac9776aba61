/**
 * Optimisers with PyTorch's and MONAI's update rules (Adam, AdamW, SGD, Novograd), parameter groups and gradient
 * clipping, written on NDArrays so their state saves and restores exactly.
 */
package org.voxseg.core.optim;
