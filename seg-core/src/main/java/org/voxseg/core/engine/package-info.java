/**
 * Access to DJL's PyTorch engine: offline loading of libtorch from the class path, thread settings, seeding, and
 * switching autograd off per thread. See docs/engine.md.
 */
package org.voxseg.core.engine;
