/**
 * Whole-volume prediction: MONAI-style sliding windows with Gaussian blending, predictors (network, mirror test-time
 * augmentation, ensembles) and the case predictor that goes from input channels to a label map on the input's grid.
 * Sizes (roi, window starts) are (x, y, z); tensors are (N, C, z, y, x).
 */
package org.voxseg.core.prediction;
