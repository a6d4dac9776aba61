/**
 * Learning-rate schedules with PyTorch's, MONAI's and nnU-Net's semantics, stepped per epoch or per iteration, with
 * state that restores exactly. See docs/reference.md.
 */
package org.voxseg.core.schedule;
