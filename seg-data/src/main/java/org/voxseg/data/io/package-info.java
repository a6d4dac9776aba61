/**
 * File writing that never leaves a half-written file: a temporary sibling renamed into place.
 */
package org.voxseg.data.io;
