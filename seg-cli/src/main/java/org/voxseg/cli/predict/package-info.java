/**
 * voxseg predict and voxseg evaluate: predicting cases with trained models, and scoring predictions against references.
 * Sizes (--roi) are given along (x, y, z).
 */
package org.voxseg.cli.predict;
