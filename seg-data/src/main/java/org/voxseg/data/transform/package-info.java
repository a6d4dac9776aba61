/**
 * Preprocessing steps (foreground crop, resampling, intensity normalisation, padding) and the record that inverts the
 * grid changes, so a prediction goes back onto the input's grid. Shapes, boxes and spacings are along (x, y, z),
 * NIfTI's (i, j, k).
 */
package org.voxseg.data.transform;
