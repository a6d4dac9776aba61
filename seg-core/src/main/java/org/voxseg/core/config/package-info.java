/**
 * The JSON configuration (the sections of a training config) and model.json, read with snake_case keys and refusing
 * unknown keys with a one-line message that names the file and the key. Sizes are given along (x, y, z).
 */
package org.voxseg.core.config;
