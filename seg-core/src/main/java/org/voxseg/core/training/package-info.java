/**
 * The training loop and what it needs: one training step, validation by sliding window, early-stopping rules,
 * checkpoints, the training log and plots, the LR range test and pretrained-weight loading. Batch tensors are
 * (N, C, z, y, x).
 */
package org.voxseg.core.training;
