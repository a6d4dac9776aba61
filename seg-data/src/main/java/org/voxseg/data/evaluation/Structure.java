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
public record Structure(String name, List<Integer> labels) {

    public Structure {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("structure " + name + " has no label");
        }
    }

    /** Whether {@code other} is made of the same labels, in whatever order. */
    boolean hasTheLabelsOf(Structure other) {
        return labels.stream().sorted().toList().equals(other.labels.stream().sorted().toList());
    }

    /** One structure per label, named {@code label_<value>}. */
    public static List<Structure> perLabel(int[] labels) {
        List<Structure> structures = new ArrayList<>();
        for (int label : labels) {
            structures.add(new Structure("label_" + label, List.of(label)));
        }
        return structures;
    }

    /** BraTS's regions: whole tumour {1, 2, 4}, tumour core {1, 4}, enhancing tumour {4}. */
    public static List<Structure> bratsRegions() {
        return List.of(new Structure("WT", List.of(1, 2, 4)), new Structure("TC", List.of(1, 4)),
                new Structure("ET", List.of(4)));
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
            structures.add(new Structure(names.get(c), Arrays.stream(encoding.labelsOf(c)).boxed().toList()));
        }
        return structures;
    }

    /** The structure's mask in a label map's values. */
    boolean[] mask(float[] values) {
        return LabelMask.of(values, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
