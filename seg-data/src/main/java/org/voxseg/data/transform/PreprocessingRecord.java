package org.voxseg.data.transform;

import java.util.List;
import java.util.Objects;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * The grid changes made to a case, in order, with the original geometry: enough to bring any volume on the
 * preprocessed grid (a prediction, a probability map) back onto the original grid, to be written with the original
 * header's geometry.
 *
 * @param original the grid of the input files
 * @param steps the grid changes applied, first to last
 */
public record PreprocessingRecord(Geometry original, List<GridStep> steps) {

    public PreprocessingRecord {
        Objects.requireNonNull(original, "original");
        steps = List.copyOf(steps);
    }

    /** The grid after every step. */
    public Geometry result() {
        Geometry geometry = original;
        for (GridStep step : steps) {
            geometry = step.map(geometry);
        }
        return geometry;
    }

    /**
     * {@code volume}, on the preprocessed grid, brought back to the original grid (steps undone last to first);
     * voxels outside the cropped box are 0. Use {@link Interpolation#NEAREST} for label maps and
     * {@link Interpolation#LINEAR} for probabilities.
     *
     * @throws IllegalArgumentException if {@code volume} is not on the preprocessed grid
     */
    public Volume invert(Volume volume, Interpolation interpolation) {
        Geometry expected = result();
        if (!volume.geometry().shape().equals(expected.shape())) {
            throw new IllegalArgumentException("volume of shape " + volume.geometry().shapeText()
                    + " is not on the preprocessed grid " + expected.shapeText());
        }
        Geometry[] before = new Geometry[steps.size()];
        Geometry geometry = original;
        for (int s = 0; s < steps.size(); s++) {
            before[s] = geometry;
            geometry = steps.get(s).map(geometry);
        }
        Volume current = volume;
        for (int s = steps.size() - 1; s >= 0; s--) {
            current = steps.get(s).invert(current, before[s], interpolation);
        }
        return Volume.wrap(original, current.channels(), current.toArray());
    }
}
