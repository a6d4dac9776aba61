package org.voxseg.data.transform;

import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/** Volumes of one row of voxels, for tests of intensity transforms that do not care about the grid. */
final class RowVolumes {

    private RowVolumes() {
    }

    /** {@code values} as {@code channels} channels of one row each, channel after channel. */
    static Volume of(int channels, float... values) {
        return Volume.wrap(Geometry.of(new Extent(values.length / channels, 1, 1), Affine.identity()), channels,
                values);
    }
}
