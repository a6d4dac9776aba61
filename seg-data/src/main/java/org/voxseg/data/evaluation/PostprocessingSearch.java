package org.voxseg.data.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.voxseg.data.label.ConnectedComponents;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.label.PostprocessingStep;
import org.voxseg.data.label.ReplaceSmallLabel;

/**
 * Decides postprocessing from validation cases, as nnU-Net's {@code determine_postprocessing} does, with two more
 * kinds of step. In nnU-Net's order, first for the whole foreground, then for each structure (one equal to the
 * foreground is not tried twice), it tries removing components smaller than N voxels (N taken from the sizes of the
 * cases' own non-largest components) and keeping only the largest component; for BraTS labels it then tries the
 * enhancing-tumour rule (4 becomes 1) with thresholds from 25 to 1600 mm^3, in voxels of the cases' median voxel
 * volume. A candidate is kept only if it raises the mean Dice of its structure (for the foreground: the mean over
 * all structures) and lowers no structure's mean Dice, BraTS's convention scoring an empty prediction of an empty
 * reference as 1; of several, the highest Dice wins, the least aggressive on ties. Every pass reads the cases again,
 * one at a time and cut to their tumour's box, so memory does not grow with their number.
 */
public final class PostprocessingSearch {

    /** The enhancing-tumour volumes tried as the BraTS rule's threshold, in mm^3. */
    static final double[] ENHANCING_VOLUMES_MM3 = {25, 50, 100, 200, 400, 800, 1600};
    /** Changes of a mean Dice smaller than this are rounding, not a change. */
    private static final double TOLERANCE = 1e-9;
    private static final ConnectedComponents.Connectivity CONNECTIVITY = ConnectedComponents.Connectivity.FULL;
    private static final EmptyMaskConvention CONVENTION = EmptyMaskConvention.brats();

    private final List<Structure> structures;
    private final Structure foreground;

    /**
     * @param structures the structures scored (the network's regions or classes)
     * @param labels every foreground label of the dataset
     */
    public PostprocessingSearch(List<Structure> structures, int[] labels) {
        this.structures = List.copyOf(structures);
        this.foreground = new Structure("foreground", Arrays.stream(labels).boxed().toList());
    }

    /**
     * Chooses the postprocessing for these predictions and references, after {@link SegmentationPairs#validate
     * validating} them.
     *
     * @throws InvalidLabelMapException if a pair cannot be scored
     * @throws IOException if a file cannot be read
     */
    public PostprocessingChoice search(SegmentationPairs pairs) throws IOException {
        pairs.validate(structures);
        return new Search(pairs).run();
    }

    /** The structures tried in order: the foreground, then each structure that is not the foreground. */
    private List<Structure> targets() {
        List<Structure> targets = new ArrayList<>(List.of(foreground));
        for (Structure structure : structures) {
            if (!structure.hasTheLabelsOf(foreground)) {
                targets.add(structure);
            }
        }
        return targets;
    }

    /** The BraTS labels 1, 2 and 4 with a structure of label 4 alone (enhancing tumour), or -1. */
    private int enhancingStructure() {
        if (!foreground.labels().stream().sorted().toList().equals(List.of(1, 2, 4))) {
            return -1;
        }
        for (int s = 0; s < structures.size(); s++) {
            if (structures.get(s).labels().equals(List.of(4))) {
                return s;
            }
        }
        return -1;
    }

    /** The state of one search: the steps kept so far and the scores they give. */
    private final class Search {
        private final SegmentationPairs pairs;
        private final List<PostprocessingChoice.Decision> decisions = new ArrayList<>();
        private Postprocessing kept = Postprocessing.NONE;
        private double[] dice;
        private double[] hd95;

        Search(SegmentationPairs pairs) {
            this.pairs = pairs;
        }

        PostprocessingChoice run() throws IOException {
            List<Structure> targets = targets();
            SearchPass baseline = pass(List.of(), true, targets);
            dice = baseline.dice();
            hd95 = baseline.hd95();
            PostprocessingChoice.Scores before = scores(dice, hd95);
            for (Structure target : targets) {
                int index = structures.indexOf(target);
                ToDoubleFunction<double[]> objective = index < 0 ? PostprocessingSearch::mean : d -> d[index];
                decide(target.name(), ComponentCandidates.of(target, baseline.sizes().get(target.name())), objective);
            }
            int enhancing = enhancingStructure();
            if (enhancing >= 0) {
                TreeSet<Integer> thresholds = new TreeSet<>();
                for (double volume : ENHANCING_VOLUMES_MM3) {
                    thresholds.add(Math.max(1, (int) Math.round(volume / baseline.medianVoxelVolume())));
                }
                List<PostprocessingStep> candidates = new ArrayList<>();
                for (int threshold : thresholds) {
                    candidates.add(new ReplaceSmallLabel(4, threshold, 1));
                }
                decide(structures.get(enhancing).name(), candidates, d -> d[enhancing]);
            }
            return new PostprocessingChoice(pairs.pairs().stream().map(SegmentationPairs.Pair::caseId).toList(),
                    before, decisions, kept, scores(dice, hd95));
        }

        /** Tries the candidates after the steps kept so far and keeps the best one that qualifies. */
        private void decide(String target, List<PostprocessingStep> candidates, ToDoubleFunction<double[]> objective)
                throws IOException {
            SearchPass pass = pass(candidates, false, List.of());
            int best = -1;
            double bestValue = objective.applyAsDouble(dice) + TOLERANCE;
            List<PostprocessingChoice.Trial> tried = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                double[] candidate = pass.candidateDice(k);
                tried.add(new PostprocessingChoice.Trial(candidates.get(k), byStructure(candidate)));
                double value = objective.applyAsDouble(candidate);
                if (value > bestValue && lowersNone(candidate)) {
                    best = k;
                    bestValue = value;
                }
            }
            PostprocessingChoice.Scores before = scores(dice, hd95);
            PostprocessingStep chosen = best < 0 ? null : candidates.get(best);
            if (chosen != null) {
                kept = kept.then(chosen);
                SearchPass after = pass(List.of(), true, List.of());
                dice = after.dice();
                hd95 = after.hd95();
            }
            decisions.add(new PostprocessingChoice.Decision(target, tried, chosen, before, scores(dice, hd95)));
        }

        private boolean lowersNone(double[] candidate) {
            for (int s = 0; s < candidate.length; s++) {
                if (candidate[s] < dice[s] - TOLERANCE) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads every case, applies the steps kept, and averages the Dice (and HD95 if asked) of the result and
         * the Dice of the result with each candidate added; collects the sizes of the non-largest components of
         * {@code sizeTargets} and the voxel volumes.
         */
        private SearchPass pass(List<PostprocessingStep> candidates, boolean distances, List<Structure> sizeTargets)
                throws IOException {
            int count = structures.size();
            double[] meanDice = new double[count];
            double[] meanDistance = new double[count];
            double[][] candidateDice = new double[candidates.size()][count];
            Map<String, List<Integer>> sizes = new LinkedHashMap<>();
            sizeTargets.forEach(t -> sizes.put(t.name(), new ArrayList<>()));
            List<SegmentationPairs.Pair> cases = pairs.pairs();
            double[] voxelVolumes = new double[cases.size()];
            for (int c = 0; c < cases.size(); c++) {
                CroppedPair pair = CroppedPair.read(cases.get(c));
                voxelVolumes[c] = pair.voxelVolume();
                float[] values = pair.prediction().clone();
                kept.apply(values, pair.shape());
                boolean[][] references = new boolean[count][];
                for (int s = 0; s < count; s++) {
                    references[s] = structures.get(s).mask(pair.reference());
                    boolean[] predicted = structures.get(s).mask(values);
                    meanDice[s] += SegmentationMetrics.dice(predicted, references[s], CONVENTION);
                    if (distances) {
                        meanDistance[s] += SegmentationMetrics.hausdorff95(predicted, references[s], pair.shape(),
                                pair.spacing(), CONVENTION);
                    }
                }
                for (int k = 0; k < candidates.size(); k++) {
                    float[] tried = values.clone();
                    candidates.get(k).apply(tried, pair.shape(), CONNECTIVITY);
                    for (int s = 0; s < count; s++) {
                        candidateDice[k][s] += SegmentationMetrics.dice(structures.get(s).mask(tried),
                                references[s], CONVENTION);
                    }
                }
                for (Structure target : sizeTargets) {
                    ConnectedComponents components = ConnectedComponents.of(target.mask(values), pair.shape(),
                            CONNECTIVITY);
                    for (int component = 0; component < components.count(); component++) {
                        if (component != components.largest()) {
                            sizes.get(target.name()).add(components.size(component));
                        }
                    }
                }
            }
            divide(meanDice, cases.size());
            divide(meanDistance, distances ? cases.size() : Double.NaN);
            for (double[] candidate : candidateDice) {
                divide(candidate, cases.size());
            }
            Arrays.sort(voxelVolumes);
            return new SearchPass(meanDice, meanDistance, candidateDice, sizes, voxelVolumes[voxelVolumes.length / 2]);
        }
    }

    private static void divide(double[] sums, double count) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= count;
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private Map<String, Double> byStructure(double[] values) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int s = 0; s < structures.size(); s++) {
            named.put(structures.get(s).name(), values[s]);
        }
        return named;
    }

    private PostprocessingChoice.Scores scores(double[] dice, double[] hd95) {
        return new PostprocessingChoice.Scores(byStructure(dice), byStructure(hd95));
    }
}
