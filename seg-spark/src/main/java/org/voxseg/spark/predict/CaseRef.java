package org.voxseg.spark.predict;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One case to predict, as the driver found it: its id and one image URI per channel, in the model's order.
 *
 * @param id the case name, which names its output {@code <id>.nii.gz}
 * @param images one URI per channel
 */
public record CaseRef(String id, List<String> images) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public CaseRef {
        Objects.requireNonNull(id, "id");
        images = List.copyOf(images);
    }
}
