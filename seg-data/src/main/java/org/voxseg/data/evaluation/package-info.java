/**
 * Scoring predicted label maps against references: Dice and Hausdorff 95 (in the spacing's units) per label or BraTS
 * region, with an explicit convention for empty masks, and per-case and summary reports. Masks are in NIfTI file order,
 * shapes and spacings along (x, y, z).
 */
package org.voxseg.data.evaluation;
