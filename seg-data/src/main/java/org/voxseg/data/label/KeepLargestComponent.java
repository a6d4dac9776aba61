package org.voxseg.data.label;

import java.util.Arrays;

/**
 * Keeps only the largest connected component of a structure; the voxels of its other components become background
 * (nnU-Net's {@code remove_all_but_largest_component}).
 *
 * @param target the structure's name, e.g. "foreground" or "TC"
 * @param labels the label values that make up the structure
 */
public record KeepLargestComponent(String target, int[] labels) implements PostprocessingStep {

    public KeepLargestComponent {
        labels = Structures.requireLabels(target, labels);
    }

    @Override
    public int[] labels() {
        return labels.clone();
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
    public boolean equals(Object o) {
        return o instanceof KeepLargestComponent other && target.equals(other.target)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * target.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return describe();
    }
}
