/**
 * A small synthetic BraTS-like dataset, so demos and tests run end to end with no download.
 */
package org.voxseg.data.synthetic;
