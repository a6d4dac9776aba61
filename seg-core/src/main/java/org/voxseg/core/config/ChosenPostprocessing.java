package org.voxseg.core.config;

import java.util.Objects;
import org.voxseg.data.label.Postprocessing;

/**
 * The postprocessing a run decided on its validation cases, as {@code model.json} carries it so that prediction
 * applies it by default; {@code postprocessing.json} beside it holds the evidence.
 *
 * @param decidedOn which predictions it was decided on, e.g. "validation of epoch 30 on 4 case(s)"
 * @param postprocessing the steps kept, in order (possibly none)
 */
public record ChosenPostprocessing(String decidedOn, Postprocessing postprocessing) {

    public ChosenPostprocessing {
        Objects.requireNonNull(decidedOn, "decidedOn");
        Objects.requireNonNull(postprocessing, "postprocessing");
    }
}
