/**
 * An on-disk cache of preprocessed cases, one checksummed file per case keyed by its input files and the preprocessing
 * settings, so that later epochs and later runs skip decoding and preprocessing. Voxels are stored as little-endian
 * float32 in NIfTI file order (x fastest).
 */
package org.voxseg.data.cache;
