package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.data.evaluation.PostprocessingChoice;
import org.voxseg.data.evaluation.PostprocessingSearch;
import org.voxseg.data.evaluation.SegmentationPairs;

/**
 * Decides the postprocessing of a run, or of a cross-validation's pooled folds, on whole-case validation
 * predictions ({@link PostprocessingSearch}) and records it in {@code postprocessing.json}: which predictions, the
 * scores before and after each step, every candidate tried. A file that already holds a decision on the same
 * predictions is reused, so a resumed run decides once and the same way.
 */
final class PostprocessingDecision {

    /** The evidence's file name, in a run folder or a cross-validation folder. */
    static final String FILE = "postprocessing.json";

    /**
     * What {@code postprocessing.json} holds.
     *
     * @param decidedOn which predictions, e.g. "validation of epoch 30 on 4 case(s)"
     * @param choice the steps kept and the evidence
     */
    record Record(String decidedOn, PostprocessingChoice choice) {
    }

    private PostprocessingDecision() {
    }

    /**
     * The postprocessing decided on {@code pairs} (predictions and their references), read from {@code file} when
     * it holds a decision on the same predictions, else searched and written there.
     *
     * @throws IOException if a file cannot be read or written
     */
    static ChosenPostprocessing decide(ModelDescription description, List<SegmentationPairs.Pair> pairs,
            String decidedOn, Path file, RunListener listener) throws IOException {
        List<String> ids = pairs.stream().map(SegmentationPairs.Pair::caseId).toList();
        if (Files.exists(file)) {
            Record stored = ConfigJson.read(file, Record.class);
            if (stored.decidedOn().equals(decidedOn) && stored.choice().cases().equals(ids)) {
                return new ChosenPostprocessing(decidedOn, stored.choice().postprocessing());
            }
        }
        int[] labels = Arrays.stream(description.labelArray()).filter(label -> label != 0).toArray();
        PostprocessingChoice choice = new PostprocessingSearch(FullValidation.structures(description), labels)
                .search(new SegmentationPairs(pairs));
        ConfigJson.write(file, new Record(decidedOn, choice));
        listener.note("postprocessing decided on " + decidedOn + ": " + choice.describe() + " (" + file + ")");
        return new ChosenPostprocessing(decidedOn, choice.postprocessing());
    }

    /** Rewrites the {@code model.json} of {@code runFolder} with {@code chosen}. */
    static void record(Path runFolder, ChosenPostprocessing chosen) throws IOException {
        Path file = runFolder.resolve(RunFolder.MODEL);
        ConfigJson.write(file, ModelDescription.read(file).withPostprocessing(chosen));
    }
}
