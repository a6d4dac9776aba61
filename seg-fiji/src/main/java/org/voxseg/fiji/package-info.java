/**
 * voxseg in Fiji: SciJava commands (Predict Segmentation, Train from Config, Open and Save NIfTI) over the same
 * headless API as the command line, and the conversion between NIfTI volumes and ImageJ {@code ImagePlus} images.
 * Images keep NIfTI's voxel order: x = i, y = j, slice = k, with channels as hyperstack channels.
 */
package org.voxseg.fiji;
