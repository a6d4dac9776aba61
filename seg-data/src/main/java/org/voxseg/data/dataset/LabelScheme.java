package org.voxseg.data.dataset;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a dataset's label values mean for training: nested regions (sigmoid outputs; region r holds the labels from
 * position r on, so BraTS 2023's [2, 1, 3] gives WT = {1, 2, 3}, TC = {1, 3}, ET = {3}) or one-hot classes (softmax,
 * background first), and the output names.
 *
 * @param labels the non-zero label values, in region order (outermost first) or class order
 * @param nestedRegions whether the outputs are nested regions rather than one-hot classes
 * @param outputNames one name per network output (for classes, "background" first)
 */
public record LabelScheme(List<Integer> labels, boolean nestedRegions, List<String> outputNames) {

    public LabelScheme {
        labels = List.copyOf(labels);
        outputNames = List.copyOf(outputNames);
        if (labels.isEmpty() || Set.copyOf(labels).size() != labels.size() || labels.stream().anyMatch(l -> l <= 0)) {
            throw new IllegalArgumentException("labels must be distinct positive integers: " + labels);
        }
        int outputs = nestedRegions ? labels.size() : labels.size() + 1;
        if (outputNames.size() != outputs) {
            throw new IllegalArgumentException(outputNames.size() + " output names for " + outputs + " outputs");
        }
    }

    /** Nested regions over {@code labels} (outermost first), named {@code names}. */
    public static LabelScheme regions(List<Integer> labels, List<String> names) {
        return new LabelScheme(labels, true, names);
    }

    /** One-hot classes for {@code labels} named {@code names}, with a background class first. */
    public static LabelScheme classes(List<Integer> labels, List<String> names) {
        return new LabelScheme(labels, false, concat("background", names));
    }

    /** The label values as an array, as the label encodings take them. */
    public int[] labelArray() {
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
