/**
 * voxseg synth and voxseg dataset: write a synthetic dataset in a public layout, and check a dataset as voxseg reads
 * it.
 */
package org.voxseg.cli.data;
