/**
 * An on-disk cache of preprocessed cases, one checksummed file per case keyed by its input files and the preprocessing
 * settings, so that later epochs and later runs skip decoding and preprocessing. Entries are memory-mapped, not read
 * onto the heap: the image as little-endian float32 in NIfTI file order (x fastest), the label map in its smallest
 * integer type, and each label's voxel locations, each section 64-byte aligned (see {@code EntryFormat}).
 */
package org.voxseg.data.cache;
