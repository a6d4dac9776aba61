/**
 * voxseg bench: speed and memory measurements (NIfTI I/O, preprocessing, prediction, network steps, the data pipeline)
 * as medians over repeated runs after warm-up. Sizes are given along (x, y, z).
 */
package org.voxseg.cli.bench;
