/**
 * The voxseg command line: the root command, the executable's entry point, console progress, and failures reported
 * as one line with exit code 1.
 */
package org.voxseg.cli;
