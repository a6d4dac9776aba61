/**
 * voxseg train, lr-find and crossval: the commands that start from a config, with their shared options.
 */
package org.voxseg.cli.train;
