package org.voxseg.data.label;

import java.util.List;

/**
 * Turns every connected component of a structure smaller than a number of voxels into background, keeping all
 * larger ones (so, unlike {@link KeepLargestComponent}, a multifocal tumour keeps its foci).
 *
 * @param target the structure's name, e.g. "foreground" or "WT"
 * @param labels the label values that make up the structure
 * @param minimumVoxels components of fewer voxels than this are removed
 */
public record RemoveSmallComponents(String target, List<Integer> labels, int minimumVoxels)
        implements PostprocessingStep {

    public RemoveSmallComponents {
        labels = Structures.requireLabels(target, labels);
        if (minimumVoxels < 1) {
            throw new IllegalArgumentException("minimum component size of " + target + " must be at least 1, not "
                    + minimumVoxels);
        }
    }

    @Override
    public void apply(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity) {
        Structures.clearComponents(values, shape, connectivity, labels,
                components -> c -> components.size(c) < minimumVoxels);
    }

    @Override
    public String describe() {
        return "remove components of " + target + " smaller than " + minimumVoxels + " voxels";
    }

    @Override
    public String toString() {
        return describe();
    }
}
