package org.voxseg.data.sampling;

import java.util.Objects;
import org.voxseg.data.volume.LabelVolume;
import org.voxseg.data.volume.Volume;

/**
 * A preprocessed training case ready for patch sampling: image, label map, and where each foreground label lies,
 * found once so that oversampling costs nothing per patch. The parts may be memory-mapped views of a cache entry:
 * patches are copied out of them, so the case is never held whole on the heap.
 */
public final class SamplingCase {

    private final String id;
    private final Volume image;
    private final LabelVolume labels;
    private final ForegroundLocations foreground;

    /**
     * A case from in-memory volumes: the label map is stored as integers and its foreground found.
     *
     * @throws IllegalArgumentException if the label map is not one channel of whole numbers on the image's grid
     */
    public SamplingCase(String id, Volume image, Volume labels) {
        this(id, image, LabelVolume.of(onGrid(id, image, labels)));
    }

    private SamplingCase(String id, Volume image, LabelVolume labels) {
        this(id, image, labels, ForegroundLocations.of(labels));
    }

    private SamplingCase(String id, Volume image, LabelVolume labels, ForegroundLocations foreground) {
        this.id = Objects.requireNonNull(id, "id");
        this.image = Objects.requireNonNull(image, "image");
        if (!labels.geometry().shape().equals(image.geometry().shape())) {
            throw new IllegalArgumentException("case " + id + ": the label map must be one channel on the image grid");
        }
        this.labels = labels;
        this.foreground = Objects.requireNonNull(foreground, "foreground");
    }

    /**
     * A case from its parts as stored, e.g. views of a memory-mapped cache entry; nothing is copied or recomputed,
     * so {@code foreground} must be that of {@code labels}.
     *
     * @throws IllegalArgumentException if the label map is not on the image's grid
     */
    public static SamplingCase of(String id, Volume image, LabelVolume labels, ForegroundLocations foreground) {
        return new SamplingCase(id, image, labels, foreground);
    }

    /** {@code labels}, checked to be one channel on the image's grid before it is converted. */
    private static Volume onGrid(String id, Volume image, Volume labels) {
        if (labels.channels() != 1 || !labels.geometry().shape().equals(image.geometry().shape())) {
            throw new IllegalArgumentException("case " + id + ": the label map must be one channel on the image grid");
        }
        return labels;
    }

    public String id() {
        return id;
    }

    public Volume image() {
        return image;
    }

    public LabelVolume labels() {
        return labels;
    }

    /** Where each foreground label lies. */
    public ForegroundLocations foreground() {
        return foreground;
    }
}
