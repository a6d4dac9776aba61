package org.voxseg.core.api;

import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.data.label.Postprocessing;

/**
 * The postprocessing a prediction applies, and where it comes from: none when the caller switched it off; the
 * config's postprocessing keys when the run set any (they win); else the one decided on the run's validation cases
 * ({@code model.json}); else none.
 *
 * @param postprocessing the steps applied
 * @param origin where they come from, in words
 */
public record AppliedPostprocessing(Postprocessing postprocessing, String origin) {

    /**
     * What a model, or an ensemble whose first model is {@code description}, applies; {@code enabled} false switches
     * postprocessing off. An ensemble applies its first model's, said to be only the first's when
     * {@code membersAgree} is false (the folds of one cross-validation all carry the pooled decision, so they agree).
     */
    static AppliedPostprocessing of(ModelDescription description, PredictionConfig settings, boolean enabled,
            boolean membersAgree) {
        AppliedPostprocessing applied = single(description, settings, enabled);
        return membersAgree || !enabled ? applied : new AppliedPostprocessing(applied.postprocessing(),
                applied.origin() + "; the first model's, the other models decided otherwise");
    }

    private static AppliedPostprocessing single(ModelDescription description, PredictionConfig settings,
            boolean enabled) {
        ChosenPostprocessing decided = description.postprocessing();
        if (!enabled) {
            return new AppliedPostprocessing(Postprocessing.NONE, "switched off");
        }
        if (settings.hasPostprocessingKeys()) {
            return new AppliedPostprocessing(settings.postprocessing(description.labelArray()),
                    "from the config's prediction keys" + (decided == null ? ""
                            : ", which win over the one decided on " + decided.decidedOn()));
        }
        if (decided != null) {
            return new AppliedPostprocessing(decided.postprocessing(), "decided on " + decided.decidedOn());
        }
        return new AppliedPostprocessing(Postprocessing.NONE, "none decided for this model");
    }

    /** One line, e.g. "postprocessing: keep the largest component of foreground (decided on ...)". */
    public String describe() {
        return "postprocessing: " + postprocessing.describe() + " (" + origin + ")";
    }
}
