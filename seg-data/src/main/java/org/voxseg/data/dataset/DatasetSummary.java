package org.voxseg.data.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiReader;

/**
 * What a dataset check reports, in the manner of nnU-Net's integrity check: the layout, cases with and without
 * label maps, channels, labels and regions, the range of voxel spacings and sizes, and every problem of every case
 * (missing or unreadable files, channel counts, grids, NaN voxels, empty channels, labels the dataset does not
 * name). It reads every voxel and writes nothing.
 *
 * @param description what the root holds
 * @param problems every problem found, in case order
 * @param minShape per axis, the smallest number of voxels over the cases whose first image could be read
 * @param maxShape per axis, the largest
 * @param minSpacing per axis, the finest spacing (mm)
 * @param maxSpacing per axis, the coarsest
 */
public record DatasetSummary(DatasetDescription description, List<DatasetProblem> problems, List<Integer> minShape,
        List<Integer> maxShape, List<Double> minSpacing, List<Double> maxSpacing) {

    public DatasetSummary {
        problems = List.copyOf(problems);
        minShape = List.copyOf(minShape);
        maxShape = List.copyOf(maxShape);
        minSpacing = List.copyOf(minSpacing);
        maxSpacing = List.copyOf(maxSpacing);
    }

    /**
     * Checks every case of {@code description} against its own channels and labels ({@code labels}, where the
     * dataset does not describe them: a case list).
     */
    public static DatasetSummary check(DatasetDescription description, int[] labels) {
        int[] allowed = description.labels().map(LabelScheme::labelArray).orElse(labels);
        List<DatasetProblem> problems = new DatasetValidator(allowed, false, description.channels().size())
                .validate(description.cases());
        int[] minShape = filled(Integer.MAX_VALUE);
        int[] maxShape = filled(0);
        double[] minSpacing = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] maxSpacing = new double[3];
        for (CaseFiles entry : description.cases()) {
            Geometry grid;
            try {
                grid = NiftiReader.readHeader(entry.images().get(0)).geometry();
            } catch (IOException e) {
                continue; // the validator has reported it
            }
            for (int axis = 0; axis < 3; axis++) {
                minShape[axis] = Math.min(minShape[axis], grid.size(axis));
                maxShape[axis] = Math.max(maxShape[axis], grid.size(axis));
                minSpacing[axis] = Math.min(minSpacing[axis], grid.spacing().get(axis));
                maxSpacing[axis] = Math.max(maxSpacing[axis], grid.spacing().get(axis));
            }
        }
        boolean anyRead = maxShape[0] > 0;
        return new DatasetSummary(description, problems, anyRead ? boxed(minShape) : List.of(),
                anyRead ? boxed(maxShape) : List.of(), anyRead ? boxed(minSpacing) : List.of(),
                anyRead ? boxed(maxSpacing) : List.of());
    }

    /** The report, one fact per line, problems last. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("dataset:  " + description.root() + " (" + description.layout().title() + ")");
        lines.add("cases:    " + description.labelledCases().size() + " with label maps, "
                + description.unlabelledCases().size() + " without");
        lines.add("channels: " + (description.channels().isEmpty() ? "not named by the dataset (a case list)"
                : String.join(", ", description.channels())));
        lines.add("labels:   " + description.labels().map(DatasetSummary::describe)
                .orElse("not described by the dataset (a case list): give dataset.labels"));
        if (!minShape.isEmpty()) {
            lines.add("size:     " + range(minShape, maxShape, "%d") + " voxels");
            lines.add("spacing:  " + range(minSpacing, maxSpacing, "%.3g") + " mm");
        }
        lines.add("problems: " + (problems.isEmpty() ? "none" : problems.size()));
        problems.forEach(problem -> lines.add("  " + problem));
        return lines;
    }

    /** "regions WT {1, 2, 3}, TC {1, 3}, ET {3}" or "classes 1 spleen, 2 liver". */
    static String describe(LabelScheme scheme) {
        List<Integer> labels = scheme.labels();
        if (scheme.nestedRegions()) {
            return "regions " + IntStream.range(0, labels.size()).mapToObj(r -> scheme.outputNames().get(r) + " "
                    + labels.subList(r, labels.size()).stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ", "{", "}"))).collect(Collectors.joining(", "));
        }
        return "classes " + IntStream.range(0, labels.size()).mapToObj(c -> labels.get(c) + " "
                + scheme.outputNames().get(c + 1)).collect(Collectors.joining(", "));
    }

    private static <T> String range(List<T> low, List<T> high, String format) {
        return IntStream.range(0, 3).mapToObj(axis -> low.get(axis).equals(high.get(axis))
                ? String.format(Locale.ROOT, format, low.get(axis))
                : String.format(Locale.ROOT, format + "-" + format, low.get(axis), high.get(axis)))
                .collect(Collectors.joining(" x "));
    }

    private static int[] filled(int value) {
        int[] values = new int[3];
        Arrays.fill(values, value);
        return values;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
