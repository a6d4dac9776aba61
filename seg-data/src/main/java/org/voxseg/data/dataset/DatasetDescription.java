package org.voxseg.data.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dataset root holds, as read from the disk alone: its layout, its cases (with and without label maps), and,
 * where the dataset describes them ({@code dataset.json}, or the BraTS edition's known names), its channels and
 * labels, so that a config need not repeat them.
 *
 * @param layout how the files are laid out
 * @param root the folder (or case-list file) given
 * @param channels the channel names in file order, empty where the dataset does not name them (a case list)
 * @param labels what the label values mean, empty where the dataset does not say (a case list)
 * @param cases every case found, training cases first, each with its label map where it has one
 */
public record DatasetDescription(DatasetLayout layout, Path root, List<String> channels, Optional<LabelScheme> labels,
        List<CaseFiles> cases) {

    public DatasetDescription {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(root, "root");
        channels = List.copyOf(channels);
        Objects.requireNonNull(labels, "labels");
        cases = List.copyOf(cases);
    }

    /**
     * The cases training uses: for layouts with a separate test set (the Decathlon's, nnU-Net's) those with a label
     * map, for the others every case, so that a training case whose label map is missing is reported.
     */
    public List<CaseFiles> trainingCases() {
        return layout == DatasetLayout.DECATHLON || layout == DatasetLayout.NNUNET_RAW ? labelledCases() : cases;
    }

    /** The cases with a label map. */
    public List<CaseFiles> labelledCases() {
        return cases.stream().filter(c -> c.label().isPresent()).toList();
    }

    /** The cases without a label map (a test or validation set): what prediction takes when given the root. */
    public List<CaseFiles> unlabelledCases() {
        return cases.stream().filter(c -> c.label().isEmpty()).toList();
    }
}
