/**
 * The multi-channel float32 volume and helpers over it (box copies, percentiles, value statistics). Data is in NIfTI
 * file order, index i + nx * (j + ny * k) + c * nx * ny * nz, which is a row-major (C, z, y, x) tensor, so it maps to
 * an NDArray without a transpose.
 */
package org.voxseg.data.volume;
