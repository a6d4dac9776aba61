package org.voxseg.data.label;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.voxseg.data.volume.Volume;

/**
 * Clean-up of a predicted label map, in this order: components of a label smaller than its minimum size become
 * background; only the largest component of the chosen labels (or of the whole foreground) is kept; the BraTS rule
 * turns a predicted enhancing tumour smaller than a threshold into another label (necrosis), since BraTS scores an
 * enhancing tumour predicted where there is none as a complete miss. Immutable; see {@link #builder()}.
 */
public final class Postprocessing {

    private final Map<Integer, Integer> minimumComponentSize;
    private final List<Integer> keepLargestOf;
    private final boolean keepLargestForeground;
    private final int smallLabel;
    private final int smallLabelReplacement;
    private final int smallLabelThreshold;
    private final ConnectedComponents.Connectivity connectivity;

    private Postprocessing(Builder b) {
        this.minimumComponentSize = Map.copyOf(b.minimumComponentSize);
        this.keepLargestOf = List.copyOf(b.keepLargestOf);
        this.keepLargestForeground = b.keepLargestForeground;
        this.smallLabel = b.smallLabel;
        this.smallLabelReplacement = b.smallLabelReplacement;
        this.smallLabelThreshold = b.smallLabelThreshold;
        this.connectivity = b.connectivity;
    }

    /** A builder that changes nothing until told; connectivity is 26-neighbour (MONAI's default). */
    public static Builder builder() {
        return new Builder();
    }

    /** The cleaned label map. */
    public Volume apply(Volume labels) {
        float[] values = labels.toArray();
        int[] shape = labels.geometry().shape();
        for (Map.Entry<Integer, Integer> entry : new TreeMap<>(minimumComponentSize).entrySet()) {
            ConnectedComponents components = ConnectedComponents.of(mask(values, entry.getKey()), shape,
                    connectivity);
            for (int v = 0; v < values.length; v++) {
                int c = components.componentOf(v);
                if (c >= 0 && components.size(c) < entry.getValue()) {
                    values[v] = 0;
                }
            }
        }
        for (int label : keepLargestOf) {
            keepLargest(values, mask(values, label), shape);
        }
        if (keepLargestForeground) {
            boolean[] foreground = new boolean[values.length];
            for (int v = 0; v < values.length; v++) {
                foreground[v] = values[v] != 0;
            }
            keepLargest(values, foreground, shape);
        }
        if (smallLabelThreshold > 0) {
            boolean[] small = mask(values, smallLabel);
            int count = 0;
            for (boolean b : small) {
                count += b ? 1 : 0;
            }
            if (count < smallLabelThreshold) {
                for (int v = 0; v < values.length; v++) {
                    values[v] = small[v] ? smallLabelReplacement : values[v];
                }
            }
        }
        return Volume.wrap(labels.geometry(), 1, values);
    }

    private void keepLargest(float[] values, boolean[] mask, int[] shape) {
        ConnectedComponents components = ConnectedComponents.of(mask, shape, connectivity);
        int largest = components.largest();
        for (int v = 0; v < values.length; v++) {
            int c = components.componentOf(v);
            if (c >= 0 && c != largest) {
                values[v] = 0;
            }
        }
    }

    private static boolean[] mask(float[] values, int label) {
        boolean[] mask = new boolean[values.length];
        for (int v = 0; v < values.length; v++) {
            mask[v] = values[v] == label;
        }
        return mask;
    }

    /** Collects postprocessing settings. */
    public static final class Builder {
        private Map<Integer, Integer> minimumComponentSize = Map.of();
        private List<Integer> keepLargestOf = List.of();
        private boolean keepLargestForeground;
        private int smallLabel;
        private int smallLabelReplacement;
        private int smallLabelThreshold;
        private ConnectedComponents.Connectivity connectivity = ConnectedComponents.Connectivity.FULL;

        private Builder() {
        }

        /** Components of label L smaller than {@code sizes.get(L)} voxels become background. */
        public Builder removeComponentsSmallerThan(Map<Integer, Integer> sizes) {
            this.minimumComponentSize = Map.copyOf(sizes);
            return this;
        }

        /** Keep only the largest component of each of these labels. */
        public Builder keepLargestComponentOf(List<Integer> labels) {
            this.keepLargestOf = List.copyOf(labels);
            return this;
        }

        /** Keep only the largest connected component of the foreground (all labels together). */
        public Builder keepLargestForeground(boolean keep) {
            this.keepLargestForeground = keep;
            return this;
        }

        /**
         * The BraTS rule: if fewer than {@code threshold} voxels are {@code label}, they become
         * {@code replacement}.
         */
        public Builder replaceSmallLabel(int label, int threshold, int replacement) {
            this.smallLabel = label;
            this.smallLabelThreshold = threshold;
            this.smallLabelReplacement = replacement;
            return this;
        }

        public Builder connectivity(ConnectedComponents.Connectivity connectivity) {
            this.connectivity = connectivity;
            return this;
        }

        public Postprocessing build() {
            return new Postprocessing(this);
        }
    }
}
