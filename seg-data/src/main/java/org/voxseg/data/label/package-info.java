/**
 * Label maps: encoding labels as network targets (nested regions or one-hot classes) and decoding outputs back,
 * connected components and postprocessing. Label maps are one-channel float32 volumes in NIfTI file order (x fastest).
 */
package org.voxseg.data.label;
