package org.voxseg.data.label;

import java.util.List;

/**
 * Keeps only the largest connected component of a structure; the voxels of its other components become background
 * (nnU-Net's {@code remove_all_but_largest_component}).
 *
 * @param target the structure's name, e.g. "foreground" or "TC"
 * @param labels the label values that make up the structure
 */
public record KeepLargestComponent(String target, List<Integer> labels) implements PostprocessingStep {

    public KeepLargestComponent {
        labels = Structures.requireLabels(target, labels);
    }

    @Override
    public void apply(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity) {
        Structures.clearComponents(values, shape, connectivity, labels, components -> {
            int largest = components.largest();
            return c -> c != largest;
        });
    }

    @Override
    public String describe() {
        return "keep the largest component of " + target;
    }

    @Override
    public String toString() {
        return describe();
    }
}
