package org.voxseg.data.cache;

import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.sampling.ForegroundLocations;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.transform.PreprocessingRecord;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.LabelVolume;
import org.voxseg.data.volume.Volume;

/**
 * A preprocessed case as the cache holds it: image, label map in its smallest integer type and the foreground
 * locations (both absent for a case without labels), and how its grid was reached. A case returned by
 * {@link PreprocessedCache#get} is a set of read-only views of the memory-mapped entry, not heap copies.
 *
 * @param image the preprocessed image
 * @param labels the preprocessed label map, if the case has one
 * @param foreground where each label value lies, exactly when there are labels
 * @param record the grid steps from the case's files to the image's grid
 */
public record CachedCase(Volume image, Optional<LabelVolume> labels, Optional<ForegroundLocations> foreground,
        PreprocessingRecord record) {

    public CachedCase {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(record, "record");
        if (labels.isPresent() != foreground.isPresent()) {
            throw new IllegalArgumentException("foreground locations come with a label map, and only with one");
        }
    }

    /**
     * A preprocessing result in cache form: its label map stored as integers and its foreground found.
     *
     * @throws IllegalArgumentException if the label map holds a value that is not a whole number
     */
    static CachedCase of(Preprocessor.Result result) {
        Optional<LabelVolume> labels = result.labels().map(LabelVolume::of);
        return new CachedCase(result.image(), labels, labels.map(ForegroundLocations::of), result.record());
    }

    /**
     * The case for patch sampling, over the same buffers.
     *
     * @throws IllegalStateException if the case has no label map
     */
    public SamplingCase samplingCase(String id) {
        return SamplingCase.of(id, image, labels.orElseThrow(() -> new IllegalStateException("case " + id
                + " has no label map to sample")), foreground.orElseThrow());
    }
}
