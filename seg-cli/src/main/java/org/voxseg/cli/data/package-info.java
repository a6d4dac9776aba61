/**
 * voxseg synth: writes a synthetic BraTS-like dataset.
 */
package org.voxseg.cli.data;
