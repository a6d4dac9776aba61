package org.voxseg.data.sampling;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.voxseg.data.volume.Volume;

/**
 * A preprocessed training case ready for patch sampling: image, label map, and the indices of its foreground
 * (non-zero label) voxels, found once so that oversampling them costs nothing per patch.
 */
public final class SamplingCase {

    private final String id;
    private final Volume image;
    private final Volume labels;
    private final int[] foreground;

    /**
     * @throws IllegalArgumentException if the label map is not one channel on the image's grid
     */
    public SamplingCase(String id, Volume image, Volume labels) {
        this.id = Objects.requireNonNull(id, "id");
        if (labels.channels() != 1 || !Arrays.equals(labels.geometry().shape(), image.geometry().shape())) {
            throw new IllegalArgumentException("case " + id + ": the label map must be one channel on the image grid");
        }
        this.image = image;
        this.labels = labels;
        FloatBuffer values = labels.data();
        this.foreground = IntStream.range(0, values.limit()).filter(v -> values.get(v) != 0).toArray();
    }

    public String id() {
        return id;
    }

    public Volume image() {
        return image;
    }

    public Volume labels() {
        return labels;
    }

    /** The number of foreground voxels. */
    public int foregroundCount() {
        return foreground.length;
    }

    /** The file-order index of the n-th foreground voxel. */
    int foregroundVoxel(int n) {
        return foreground[n];
    }
}
