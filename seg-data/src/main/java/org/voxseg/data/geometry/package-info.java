/**
 * Voxel grids and their placement in the world: the 4x4 affine and the geometry (shape, spacing, qform and sform with
 * their codes) that every grid change maps, so results can be written to overlay their input. Shapes and spacings are
 * along (x, y, z) = NIfTI (i, j, k).
 */
package org.voxseg.data.geometry;
