package org.voxseg.data.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.voxseg.data.volume.Volume;

/**
 * Clean-up of a predicted label map: its steps applied in order (nnU-Net's order when they were decided on
 * validation cases: the whole foreground first, then each structure, then the BraTS rule). Components use one
 * connectivity, 26-neighbour by default (MONAI's and scipy's full structure).
 *
 * @param steps the operations, in the order they run
 * @param connectivity which voxels touch when components are labelled
 */
public record Postprocessing(List<PostprocessingStep> steps, ConnectedComponents.Connectivity connectivity) {

    /** No clean-up at all. */
    public static final Postprocessing NONE = of(List.of());

    public Postprocessing {
        steps = List.copyOf(steps);
        Objects.requireNonNull(connectivity, "connectivity");
    }

    /** These steps with 26-neighbour connectivity. */
    public static Postprocessing of(List<PostprocessingStep> steps) {
        return new Postprocessing(steps, ConnectedComponents.Connectivity.FULL);
    }

    /** This postprocessing with {@code step} run after the others. */
    public Postprocessing then(PostprocessingStep step) {
        List<PostprocessingStep> more = new ArrayList<>(steps);
        more.add(step);
        return new Postprocessing(more, connectivity);
    }

    /** Whether it changes nothing. */
    public boolean changesNothing() {
        return steps.isEmpty();
    }

    /** The cleaned label map. */
    public Volume apply(Volume labels) {
        if (changesNothing()) {
            return labels;
        }
        float[] values = labels.toArray();
        apply(values, labels.geometry().shape().toArray());
        return Volume.wrap(labels.geometry(), 1, values);
    }

    /** Cleans the values of a label map over a grid of {@code shape} in place. */
    public void apply(float[] values, int[] shape) {
        for (PostprocessingStep step : steps) {
            step.apply(values, shape, connectivity);
        }
    }

    /** The steps in words, separated by semicolons, or "none". */
    public String describe() {
        return changesNothing() ? "none"
                : steps.stream().map(PostprocessingStep::describe).collect(Collectors.joining("; "));
    }
}
