package org.voxseg.core.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle's label-decoding {@code Lambdad} recognised by what it computes, without running Python: the one form
 * voxseg knows is a chain {@code lambda x: torch.where(x[[c]] > 0, L, torch.where(...), ..., 0)} over the thresholded
 * outputs (the BraTS bundle's), where the first channel that is on gives its label. That is nested regions, each
 * channel's the labels of its own level and those before it: the BraTS chain {@code ET -> 4, TC -> 1, WT -> 2} is
 * ET = 4, TC = 1+4, WT = 1+2+4, decoded as voxseg decodes regions.
 *
 * @param levels the (channel, label) pairs in the order the chain tests them
 */
record LabelDecoding(List<Level> levels) {

    private static final Pattern LEVEL = Pattern.compile("torch\\.where\\(x\\[\\[(\\d+)]]>0,(\\d+),");

    LabelDecoding {
        levels = List.copyOf(levels);
    }

    /**
     * One test of the chain.
     *
     * @param channel the output channel tested
     * @param label the label it gives when on
     */
    record Level(int channel, int label) {
    }

    /**
     * The decoding an expression computes, if it is of the one recognised form.
     *
     * @param expression the {@code func} text, with its leading {@code $}
     */
    static Optional<LabelDecoding> parse(String expression) {
        String text = expression.replaceAll("\\s+", "");
        String prefix = "$lambdax:";
        if (!text.startsWith(prefix)) {
            return Optional.empty();
        }
        int at = prefix.length();
        List<Level> levels = new ArrayList<>();
        Matcher level = LEVEL.matcher(text);
        while (level.find(at) && level.start() == at) {
            levels.add(new Level(Integer.parseInt(level.group(1)), Integer.parseInt(level.group(2))));
            at = level.end();
        }
        return !levels.isEmpty() && text.substring(at).equals("0" + ")".repeat(levels.size()))
                ? Optional.of(new LabelDecoding(levels)) : Optional.empty();
    }

    /**
     * The regions the chain decodes, by output name in the model's channel order.
     *
     * @return nothing unless the chain tests every channel once with distinct positive labels
     */
    Optional<Map<String, Set<Integer>>> regions(List<String> outputNames) {
        Map<Integer, Set<Integer>> byChannel = new LinkedHashMap<>();
        Set<Integer> above = new TreeSet<>();
        for (Level level : levels) {
            if (level.channel() >= outputNames.size() || level.label() <= 0 || !above.add(level.label())
                    || byChannel.put(level.channel(), new TreeSet<>(above)) != null) {
                return Optional.empty();
            }
        }
        if (byChannel.size() != outputNames.size()) {
            return Optional.empty();
        }
        Map<String, Set<Integer>> regions = new LinkedHashMap<>();
        for (int c = 0; c < outputNames.size(); c++) {
            regions.put(outputNames.get(c), byChannel.get(c));
        }
        return Optional.of(regions);
    }
}
