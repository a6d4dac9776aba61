package org.voxseg.core.prediction;

import java.util.Locale;
import org.voxseg.core.network.OutputActivation;

/**
 * What the sliding window blends: probabilities (voxseg's own networks, the activation applied to each window) or
 * the network's raw outputs with the activation applied once to the blended volume, as MONAI's
 * {@code SlidingWindowInferer} with an activation post-transform and nnU-Net v2 do. The two differ slightly where
 * windows overlap; an imported model blends as its source does.
 */
public enum BlendedValues {
    PROBABILITIES,
    OUTPUTS;

    /** The activation each window's outputs get: the network's, or none when raw outputs are blended. */
    public OutputActivation perWindow(OutputActivation activation) {
        return this == PROBABILITIES ? activation : OutputActivation.NONE;
    }

    /** The activation the blended volume gets: the network's when raw outputs are blended, else none. */
    public OutputActivation afterBlending(OutputActivation activation) {
        return this == OUTPUTS ? activation : OutputActivation.NONE;
    }

    /** The option's and model.json's spelling, e.g. {@code outputs}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
