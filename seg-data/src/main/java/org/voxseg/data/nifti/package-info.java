/**
 * voxseg's own NIfTI-1/NIfTI-2 codec: headers, streaming reads into float32 volumes with scaling applied, and atomic
 * writes that keep the input's qform and sform. Voxels stay in file order, index i + nx * (j + ny * k), plus
 * c * nx * ny * nz for channel c.
 */
package org.voxseg.data.nifti;
