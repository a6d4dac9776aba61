/**
 * The multi-channel float32 volume, on the heap or over a mapped buffer, the integer label map stored in its smallest
 * type, and helpers over them (box copies, percentiles, value statistics). Data is in NIfTI
 * file order, index i + nx * (j + ny * k) + c * nx * ny * nz, which is a row-major (C, z, y, x) tensor, so it maps to
 * an NDArray without a transpose.
 */
package org.voxseg.data.volume;
