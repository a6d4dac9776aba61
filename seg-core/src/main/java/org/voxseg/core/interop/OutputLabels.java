package org.voxseg.core.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.voxseg.core.network.OutputActivation;

/**
 * How an imported model's output channels become voxseg's label values: nested regions with a sigmoid per channel
 * (BraTS WT, TC, ET) or mutually exclusive classes with a softmax (background first). Channels are given in the
 * model's order; voxseg keeps regions from the largest to the smallest and classes with the background first, and
 * remembers which model channel each of its own channels is.
 *
 * @param activation sigmoid for regions, softmax for classes
 * @param labels the label values in voxseg's order (regions: each region's extra label, e.g. [2, 1, 4])
 * @param hierarchy regions rather than classes
 * @param outputNames the names of voxseg's output channels, in its order
 * @param modelChannels for each of voxseg's output channels, the model's channel
 */
public record OutputLabels(OutputActivation activation, List<Integer> labels, boolean hierarchy,
        List<String> outputNames, List<Integer> modelChannels) {

    /** The BraTS regions by the names MONAI's and nnU-Net's BraTS models give their channels. */
    private static final Map<String, Set<Integer>> BRATS_REGIONS = Map.of("WT", Set.of(1, 2, 4),
            "TC", Set.of(1, 4), "ET", Set.of(4));
    /** The regions' long names (MONAI's BraTS bundle: "Tumor core", ...), upper case with '_' for spaces. */
    private static final Map<String, String> BRATS_LONG_NAMES = Map.of("WHOLE_TUMOR", "WT", "WHOLE_TUMOUR", "WT",
            "TUMOR_CORE", "TC", "TUMOUR_CORE", "TC", "ENHANCING_TUMOR", "ET", "ENHANCING_TUMOUR", "ET");

    public OutputLabels {
        labels = List.copyOf(labels);
        outputNames = List.copyOf(outputNames);
        modelChannels = List.copyOf(modelChannels);
    }

    /**
     * Nested regions, given in the model's channel order as names and their label sets.
     *
     * @throws IllegalArgumentException unless the regions nest, each holding one label more than the next
     *         (BraTS: WT = 1+2+4, TC = 1+4, ET = 4)
     */
    public static OutputLabels regions(Map<String, Set<Integer>> regionsInModelOrder) {
        List<String> names = new ArrayList<>(regionsInModelOrder.keySet());
        List<Integer> order = IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparingInt(c -> -regionsInModelOrder.get(names.get(c)).size())).toList();
        List<Integer> labels = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            Set<Integer> region = new TreeSet<>(regionsInModelOrder.get(names.get(order.get(r))));
            Set<Integer> next = r + 1 < order.size() ? regionsInModelOrder.get(names.get(order.get(r + 1)))
                    : Set.of();
            Set<Integer> extra = new TreeSet<>(region);
            extra.removeAll(next);
            if (region.stream().anyMatch(label -> label <= 0) || !region.containsAll(next) || extra.size() != 1) {
                throw new IllegalArgumentException("regions must nest, each holding one positive label more than the "
                        + "next (BraTS: WT=1+2+4,TC=1+4,ET=4); got " + describe(regionsInModelOrder));
            }
            labels.add(extra.iterator().next());
        }
        return new OutputLabels(OutputActivation.SIGMOID, labels, true, order.stream().map(names::get).toList(), order);
    }

    /**
     * Exclusive classes, given in the model's channel order as names and label values, one of them 0 (the
     * background).
     *
     * @throws IllegalArgumentException unless the values are distinct, not negative, and include 0
     */
    public static OutputLabels classes(Map<String, Integer> classesInModelOrder) {
        List<String> names = new ArrayList<>(classesInModelOrder.keySet());
        int[] values = names.stream().mapToInt(classesInModelOrder::get).toArray();
        long distinct = Arrays.stream(values).distinct().count();
        int background = IntStream.range(0, values.length).filter(c -> values[c] == 0).findFirst().orElse(-1);
        if (background < 0 || distinct != values.length || Arrays.stream(values).anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("classes need distinct label values, one of them 0 for the "
                    + "background; got " + classesInModelOrder);
        }
        List<Integer> order = new ArrayList<>(List.of(background));
        IntStream.range(0, values.length).filter(c -> c != background).forEach(order::add);
        return new OutputLabels(OutputActivation.SOFTMAX, order.stream().skip(1).map(c -> values[c]).toList(), false,
                order.stream().map(names::get).toList(), order);
    }

    /**
     * Regions from the option text {@code NAME=L+L+...,NAME=...} in the model's channel order, e.g.
     * {@code TC=1+4,WT=1+2+4,ET=4}.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static OutputLabels parseRegions(String text) {
        Map<String, Set<Integer>> regions = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pairs(text, "regions", "TC=1+4,WT=1+2+4,ET=4").entrySet()) {
            Set<Integer> labels = new TreeSet<>();
            for (String label : entry.getValue().split("\\+", -1)) {
                labels.add(number(label, "regions"));
            }
            regions.put(entry.getKey(), labels);
        }
        return regions(regions);
    }

    /**
     * Classes from the option text {@code NAME=VALUE,...} in the model's channel order, e.g.
     * {@code background=0,liver=1,tumour=2}.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static OutputLabels parseClasses(String text) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        pairs(text, "classes", "background=0,liver=1,tumour=2").forEach((name, value) -> classes.put(name,
                number(value, "classes")));
        return classes(classes);
    }

    /**
     * Regions for channel names that are all BraTS region names (WT, TC, ET, or Whole tumor, Tumor core, Enhancing
     * tumor as MONAI's BraTS bundle names its outputs; any order and case), named WT, TC and ET.
     *
     * @throws IllegalArgumentException if a name is not a BraTS region
     */
    public static OutputLabels bratsRegions(List<String> namesInModelOrder) {
        Map<String, Set<Integer>> regions = new LinkedHashMap<>();
        for (String name : namesInModelOrder) {
            Set<Integer> labels = BRATS_REGIONS.get(bratsName(name));
            if (labels == null) {
                throw new IllegalArgumentException("output '" + name + "' is not a BraTS region (WT, TC, ET); give "
                        + "the regions' labels with --regions");
            }
            regions.put(bratsName(name), labels);
        }
        return regions(regions);
    }

    /** Whether every name is a BraTS region name. */
    public static boolean areBratsRegions(List<String> names) {
        return !names.isEmpty() && names.stream().allMatch(name -> BRATS_REGIONS.containsKey(bratsName(name)));
    }

    /** The BraTS region's label set for a region name (WT, or Whole tumor, in any case), if it is one. */
    static Optional<Set<Integer>> bratsRegion(String name) {
        return Optional.ofNullable(BRATS_REGIONS.get(bratsName(name)));
    }

    /** A region's short name: WT, TC or ET for a BraTS region by either name, else the name upper-cased. */
    static String bratsName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        return BRATS_LONG_NAMES.getOrDefault(upper, upper);
    }

    private static Map<String, String> pairs(String text, String option, String example) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : text.split(",", -1)) {
            String[] parts = item.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("--" + option + " takes NAME=VALUE items separated by commas, e.g. "
                        + example + "; not '" + item + "'");
            }
            if (pairs.put(parts[0].strip(), parts[1].strip()) != null) {
                throw new IllegalArgumentException("--" + option + " names '" + parts[0].strip() + "' twice");
            }
        }
        return pairs;
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + ": '" + text + "' is not a label value (a whole "
                    + "number)", e);
        }
    }

    private static String describe(Map<String, Set<Integer>> regions) {
        return regions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().stream().map(String::valueOf)
                .collect(Collectors.joining("+"))).collect(Collectors.joining(","));
    }
}
