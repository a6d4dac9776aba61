package org.voxseg.data.dataset;

/** The ways a dataset is laid out on disk that voxseg recognises by what it finds there. */
public enum DatasetLayout {
    /** BraTS 2020 and 2021: {@code <case>/<case>_flair.nii.gz}, {@code _t1}, {@code _t1ce}, {@code _t2}. */
    BRATS_2020("BraTS 2020/2021 case folders"),
    /** BraTS 2023 and 2024, every sub-challenge: {@code <case>/<case>-t2f.nii.gz}, {@code -t1n}, {@code -t1c}, ... */
    BRATS_2023("BraTS 2023/2024 case folders"),
    /** The Medical Segmentation Decathlon: {@code dataset.json} listing {@code imagesTr/}, {@code labelsTr/}. */
    DECATHLON("Medical Segmentation Decathlon"),
    /** nnU-Net v2's raw datasets: {@code dataset.json} with {@code channel_names}, {@code imagesTr/<case>_0000}. */
    NNUNET_RAW("nnU-Net v2 raw dataset"),
    /** A JSON case list: {@code [{"image": [...], "label": ...}]}, paths relative to the list file. */
    CASE_LIST("case list");

    private final String title;

    DatasetLayout(String title) {
        this.title = title;
    }

    /** The layout's name for people, e.g. "Medical Segmentation Decathlon". */
    public String title() {
        return title;
    }
}
