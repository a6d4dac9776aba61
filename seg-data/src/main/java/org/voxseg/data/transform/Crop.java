package org.voxseg.data.transform;

import org.voxseg.data.geometry.Box;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Vector3;
import org.voxseg.data.volume.Volume;

/**
 * Keeps the box of {@code size} voxels starting at {@code start}; inverting pastes it back into zeros.
 *
 * @param start first voxel of the box along each axis
 * @param size voxels of the box along each axis
 */
public record Crop(Extent start, Extent size) implements GridStep {

    public Crop {
        if (!size.isPositive()) {
            throw new IllegalArgumentException("crop box must lie in the volume: start " + start + ", size " + size);
        }
    }

    /** The box from {@code start} of {@code size} voxels, both {@code [x, y, z]}. */
    public Crop(int[] start, int[] size) {
        this(Extent.of(start), Extent.of(size));
    }

    @Override
    public Geometry map(Geometry before) {
        if (!new Box(start, size).fitsIn(before.shape())) {
            throw new IllegalArgumentException("crop box " + this + " exceeds the grid " + before.shapeText());
        }
        return before.mapped(size, Vector3.uniform(1), new Vector3(start.x(), start.y(), start.z()));
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        Geometry after = map(volume.geometry());
        float[] out = new float[volume.channels() * after.voxelCount()];
        int[] box = size.toArray();
        Boxes.copy(volume.data(), volume.geometry().shape().toArray(), start.toArray(), out, box, new int[3], box,
                volume.channels());
        return Volume.wrap(after, volume.channels(), out);
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        float[] out = new float[volume.channels() * before.voxelCount()];
        int[] box = size.toArray();
        Boxes.copy(volume.data(), box, new int[3], out, before.shape().toArray(), start.toArray(), box,
                volume.channels());
        return Volume.wrap(before, volume.channels(), out);
    }
}
