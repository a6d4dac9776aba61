/**
 * Training batches from preprocessed cases: patch sampling with class-balanced foreground oversampling (from each
 * case's {@code ForegroundLocations}), patches copied out of memory-mapped cases, augmentations, and seeded
 * background loading so that batch n depends only on the seed and n. Patch shapes are (x, y, z); batches are flat
 * arrays for tensors (N, C, z, y, x).
 */
package org.voxseg.data.sampling;
