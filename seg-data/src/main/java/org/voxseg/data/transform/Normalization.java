package org.voxseg.data.transform;

import org.voxseg.data.volume.Volume;

/**
 * How preprocessing maps a case's intensities to the network's range: from the case's own statistics
 * ({@link IntensityNormalization}) or from statistics fixed on the training set ({@link DatasetNormalization}).
 */
public sealed interface Normalization permits IntensityNormalization, DatasetNormalization {

    /**
     * The normalisations a config names: {@code zscore_nonzero} (MONAI's {@code nonzero=True}), {@code zscore},
     * {@code ct} (nnU-Net's CT normalisation, from the training cases' foreground) and {@code none}.
     */
    enum Kind {
        ZSCORE_NONZERO,
        ZSCORE,
        CT,
        NONE
    }

    /** The normalised volume. */
    Volume apply(Volume image);
}
