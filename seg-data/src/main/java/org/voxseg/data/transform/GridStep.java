package org.voxseg.data.transform;

import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * One invertible change of grid (crop, resample, pad). Steps are recorded in a {@link PreprocessingRecord}, so a
 * prediction made on the preprocessed grid can be brought back to the original one.
 */
public sealed interface GridStep permits Crop, Pad, Reorient, Resample, SpacingResample {

    /** The geometry after this step, given the one before. */
    Geometry map(Geometry before);

    /** {@code volume} (on the grid before the step) on the grid after it. */
    Volume apply(Volume volume, Interpolation interpolation);

    /**
     * {@code volume} (on the grid after the step) back on the grid {@code before}; voxels the step dropped (outside
     * a crop) become 0.
     */
    Volume invert(Volume volume, Geometry before, Interpolation interpolation);
}
