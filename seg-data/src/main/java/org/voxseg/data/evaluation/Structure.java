package org.voxseg.data.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.label.LabelMask;

/**
 * A structure scored by evaluation: the voxels whose label is one of {@code labels}, e.g. one label, or a BraTS
 * region (whole tumour = {1, 2, 4}).
 *
 * @param name column name in reports
 * @param labels the label values that make up the structure
 */
public record Structure(String name, int[] labels) {

    public Structure {
        labels = labels.clone();
        if (labels.length == 0) {
            throw new IllegalArgumentException("structure " + name + " has no label");
        }
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Whether {@code other} is made of the same labels, in whatever order. */
    boolean hasTheLabelsOf(Structure other) {
        return Arrays.equals(Arrays.stream(labels).sorted().toArray(), Arrays.stream(other.labels).sorted().toArray());
    }

    /** One structure per label, named {@code label_<value>}. */
    public static List<Structure> perLabel(int[] labels) {
        List<Structure> structures = new ArrayList<>();
        for (int label : labels) {
            structures.add(new Structure("label_" + label, new int[] {label}));
        }
        return structures;
    }

    /** BraTS's regions: whole tumour {1, 2, 4}, tumour core {1, 4}, enhancing tumour {4}. */
    public static List<Structure> bratsRegions() {
        return List.of(new Structure("WT", new int[] {1, 2, 4}), new Structure("TC", new int[] {1, 4}),
                new Structure("ET", new int[] {4}));
    }

    /**
     * One structure per output a model or dataset scores, named {@code names} (one name per output of
     * {@code encoding}): each nested region with the labels it holds, each class (not the background) with its own.
     */
    public static List<Structure> of(LabelEncoding encoding, List<String> names) {
        if (names.size() != encoding.channels()) {
            throw new IllegalArgumentException(names.size() + " names for " + encoding.channels() + " outputs");
        }
        List<Structure> structures = new ArrayList<>();
        for (int c = encoding.firstForegroundChannel(); c < encoding.channels(); c++) {
            structures.add(new Structure(names.get(c), encoding.labelsOf(c)));
        }
        return structures;
    }

    /** The structure's mask in a label map's values. */
    boolean[] mask(float[] values) {
        return LabelMask.of(values, labels);
    }
}
