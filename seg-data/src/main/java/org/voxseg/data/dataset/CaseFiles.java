package org.voxseg.data.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one case: one image file per channel, in the model's channel order, and the label map if there is
 * one. Paths may not exist yet; validation says so.
 *
 * @param id the case name (e.g. {@code BraTS20_Training_001}), used for outputs and splits
 * @param images one file per channel
 * @param label the label map, for training and evaluation
 */
public record CaseFiles(String id, List<Path> images, Optional<Path> label) {

    public CaseFiles {
        Objects.requireNonNull(id, "id");
        images = List.copyOf(images);
        Objects.requireNonNull(label, "label");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " has no image file");
        }
    }
}
