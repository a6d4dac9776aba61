package org.voxseg.data.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.label.PostprocessingStep;

/**
 * The postprocessing that {@link PostprocessingSearch} chose on a set of validation cases, with the evidence: the
 * mean Dice and HD95 per structure before any step and after the chosen ones, and for every structure tried, the
 * candidates' mean Dice and the step kept (if any).
 *
 * @param cases the validation cases, in order
 * @param before mean scores of the predictions as they are
 * @param decisions one per structure tried, in the order they were decided
 * @param postprocessing the steps kept, in order
 * @param after mean scores with {@code postprocessing} applied
 */
public record PostprocessingChoice(List<String> cases, Scores before, List<Decision> decisions,
        Postprocessing postprocessing, Scores after) {

    public PostprocessingChoice {
        cases = List.copyOf(cases);
        decisions = List.copyOf(decisions);
    }

    /**
     * Mean scores over the cases, per structure in the evaluator's order (BraTS's convention for empty masks).
     *
     * @param dice mean Dice per structure
     * @param hd95 mean HD95 per structure, in mm
     */
    public record Scores(Map<String, Double> dice, Map<String, Double> hd95) {

        public Scores {
            dice = Collections.unmodifiableMap(new LinkedHashMap<>(dice));
            hd95 = Collections.unmodifiableMap(new LinkedHashMap<>(hd95));
        }
    }

    /**
     * One candidate step and the mean Dice per structure it gave after the steps kept before it.
     *
     * @param step the candidate
     * @param dice mean Dice per structure
     */
    public record Trial(PostprocessingStep step, Map<String, Double> dice) {

        public Trial {
            dice = Collections.unmodifiableMap(new LinkedHashMap<>(dice));
        }
    }

    /**
     * The decision for one structure (or for the BraTS rule).
     *
     * @param target the structure the candidates work on
     * @param tried the candidates, least aggressive first
     * @param chosen the step kept, or null when none raised the Dice without lowering another structure's
     * @param before mean scores before this decision
     * @param after mean scores after it (the same as before when nothing was kept)
     */
    public record Decision(String target, List<Trial> tried, PostprocessingStep chosen, Scores before,
            Scores after) {

        public Decision {
            tried = List.copyOf(tried);
        }
    }

    /** One line: each step kept with the Dice of its structure before and after, or that none was kept. */
    public String describe() {
        List<String> kept = decisions.stream().filter(d -> d.chosen() != null).map(d -> String.format(Locale.ROOT,
                "%s (%s)", d.chosen().describe(), change(d.before(), d.after()))).toList();
        return kept.isEmpty() ? "no step raised the mean validation Dice; none applied"
                : String.join("; ", kept);
    }

    /** The Dice of every structure that changed, e.g. "WT Dice 0.9100 -> 0.9300". */
    private static String change(Scores before, Scores after) {
        return before.dice().keySet().stream().filter(s -> !before.dice().get(s).equals(after.dice().get(s)))
                .map(s -> String.format(Locale.ROOT, "%s Dice %.4f -> %.4f", s, before.dice().get(s),
                        after.dice().get(s))).collect(Collectors.joining(", "));
    }
}
