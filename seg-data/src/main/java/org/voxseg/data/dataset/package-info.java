/**
 * Finding the cases of a dataset (BraTS folders, nnU-Net-style suffixes, JSON case lists), loading their channels into
 * one volume, checking the whole dataset before training (headers up front, voxel values as each case is loaded),
 * and the stored cross-validation split.
 */
package org.voxseg.data.dataset;
