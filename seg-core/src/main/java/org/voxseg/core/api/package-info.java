/**
 * The headless Java API: {@link org.voxseg.core.api.Voxseg}, one entry point that owns the engine's set-up and a
 * native memory scope, trains and cross-validates from a config, runs the LR range test, and opens
 * {@link org.voxseg.core.api.ModelPredictor}s that predict volumes, files or folders with trained models. The command
 * line, Fiji and Spark front ends pass the same override records. Run folders and their files are described here
 * too. Sizes in settings (such as the window) are given along (x, y, z).
 */
package org.voxseg.core.api;
