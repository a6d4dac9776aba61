/**
 * What the {@code loss}, {@code optimizer} and {@code scheduler} sections share below the config reader: their
 * variant tables (each variant's name and defaults), and the one-line errors for an unknown name or a key of another
 * variant.
 */
package org.voxseg.core.config.variant;
