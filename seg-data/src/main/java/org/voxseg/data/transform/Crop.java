package org.voxseg.data.transform;

import java.util.Arrays;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Boxes;
import org.voxseg.data.volume.Volume;

/**
 * Keeps the box of {@code size} voxels starting at {@code start}; inverting pastes it back into zeros.
 *
 * @param start first voxel of the box along each axis
 * @param size voxels of the box along each axis
 */
public record Crop(int[] start, int[] size) implements GridStep {

    public Crop {
        start = start.clone();
        size = size.clone();
        for (int d = 0; d < 3; d++) {
            if (start[d] < 0 || size[d] < 1) {
                throw new IllegalArgumentException("crop box must lie in the volume: start "
                        + Arrays.toString(start) + ", size " + Arrays.toString(size));
            }
        }
    }

    @Override
    public int[] start() {
        return start.clone();
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public Geometry map(Geometry before) {
        int[] shape = before.shape();
        for (int d = 0; d < 3; d++) {
            if (start[d] + size[d] > shape[d]) {
                throw new IllegalArgumentException("crop box " + this + " exceeds the grid " + before.shapeText());
            }
        }
        return before.mapped(size, new double[] {1, 1, 1}, new double[] {start[0], start[1], start[2]});
    }

    @Override
    public Volume apply(Volume volume, Interpolation interpolation) {
        Geometry after = map(volume.geometry());
        float[] out = new float[volume.channels() * after.voxelCount()];
        Boxes.copy(volume.data(), volume.geometry().shape(), start, out, size, new int[3], size, volume.channels());
        return Volume.wrap(after, volume.channels(), out);
    }

    @Override
    public Volume invert(Volume volume, Geometry before, Interpolation interpolation) {
        float[] out = new float[volume.channels() * before.voxelCount()];
        Boxes.copy(volume.data(), size, new int[3], out, before.shape(), start, size, volume.channels());
        return Volume.wrap(before, volume.channels(), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crop c && Arrays.equals(start, c.start) && Arrays.equals(size, c.size);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(size);
    }

    @Override
    public String toString() {
        return "Crop[start=" + Arrays.toString(start) + ", size=" + Arrays.toString(size) + "]";
    }
}
