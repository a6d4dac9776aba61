package org.voxseg.spark.evaluate;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One case to score, as the driver matched it: its prediction and its reference (URIs), matched by case name as
 * {@code voxseg evaluate} matches them.
 *
 * @param id the case name
 * @param prediction the predicted label map
 * @param reference the reference label map, or null when the reference folder has none for this case
 */
public record PairRef(String id, String prediction, String reference) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public PairRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prediction, "prediction");
    }
}
