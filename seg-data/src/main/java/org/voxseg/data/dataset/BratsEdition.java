package org.voxseg.data.dataset;

import java.util.List;

/**
 * The BraTS editions' file names and labels. 2020 and 2021 name files {@code <case>_flair} and label the tumour 1
 * (necrotic core), 2 (oedema), 4 (enhancing); 2023 and 2024 (glioma, meningioma, metastases, Sub-Saharan Africa,
 * paediatric) name them {@code <case>-t2f} and use 3 for enhancing. The channels are given in the same order for
 * both (FLAIR, T1, T1 with contrast, T2), so that a network trained on one edition reads the other.
 */
public enum BratsEdition {
    BRATS_2020(DatasetLayout.BRATS_2020, "_", List.of("flair", "t1", "t1ce", "t2"), List.of(2, 1, 4)),
    BRATS_2023(DatasetLayout.BRATS_2023, "-", List.of("t2f", "t1n", "t1c", "t2w"), List.of(2, 1, 3));

    /** The nested regions every edition is scored on: whole tumour, tumour core, enhancing tumour. */
    public static final List<String> REGION_NAMES = List.of("WT", "TC", "ET");

    private final DatasetLayout layout;
    private final String separator;
    private final List<String> channels;
    private final List<Integer> regionLabels;

    BratsEdition(DatasetLayout layout, String separator, List<String> channels, List<Integer> regionLabels) {
        this.layout = layout;
        this.separator = separator;
        this.channels = channels;
        this.regionLabels = regionLabels;
    }

    /** The layout this edition's folders have. */
    public DatasetLayout layout() {
        return layout;
    }

    /** What joins the case id and the channel in a file name: {@code _} or {@code -}. */
    public String separator() {
        return separator;
    }

    /** The channel suffixes, in the order voxseg feeds them to the network. */
    public List<String> channels() {
        return channels;
    }

    /** The edition's labels as the nested regions WT, TC, ET. */
    public LabelScheme labels() {
        return LabelScheme.regions(regionLabels, REGION_NAMES);
    }
}
