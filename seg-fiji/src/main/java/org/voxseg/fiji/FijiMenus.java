package org.voxseg.fiji;

/** Where the voxseg commands sit in Fiji's menus; the last part is the name macros and headless runs use. */
public final class FijiMenus {

    /** The voxseg submenu. */
    public static final String ROOT = "Plugins>Segmentation>voxseg>";
    public static final String PREDICT = ROOT + "Predict Segmentation";
    public static final String TRAIN = ROOT + "Train from Config";
    public static final String OPEN_NIFTI = ROOT + "Open NIfTI";
    public static final String SAVE_NIFTI = ROOT + "Save NIfTI";

    private FijiMenus() {
    }
}
