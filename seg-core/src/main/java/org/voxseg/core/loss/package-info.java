/**
 * Segmentation losses with MONAI's semantics (Dice, Jaccard, Tversky, cross-entropy, focal, weighted sums) and
 * nnU-Net's deep-supervision weighting. Outputs and targets are tensors (N, C, z, y, x).
 */
package org.voxseg.core.loss;
