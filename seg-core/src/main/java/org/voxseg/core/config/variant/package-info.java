/**
 * What the {@code loss}, {@code optimizer} and {@code scheduler} section builders share: the keys a builder was given,
 * the variant its {@code name} picks, and the one-line errors for an unknown name or a key of another variant.
 */
package org.voxseg.core.config.variant;
