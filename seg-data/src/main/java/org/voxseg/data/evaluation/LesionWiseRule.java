package org.voxseg.data.evaluation;

/**
 * How BraTS 2023's lesion-wise scores separate and count lesions, per sub-challenge (the challenge's published
 * parameters): reference lesions closer than {@code dilation} voxels are one lesion, a predicted component counts for
 * a lesion if it touches the lesion dilated as far, and reference lesions of {@code minimumVolume} mm^3 or less are
 * left out of the score (a prediction there is neither rewarded nor counted as false positive).
 *
 * @param dilation iterations of an 18-neighbourhood dilation
 * @param minimumVolume lesions of at most this volume (mm^3) are not scored
 */
public record LesionWiseRule(int dilation, double minimumVolume) {

    /** Glioma, Sub-Saharan Africa and paediatric: 3 voxels, 50 mm^3. */
    public static final LesionWiseRule GLIOMA = new LesionWiseRule(3, 50);
    /** Meningioma: 1 voxel, 50 mm^3. */
    public static final LesionWiseRule MENINGIOMA = new LesionWiseRule(1, 50);
    /** Brain metastases: 1 voxel, 2 mm^3. */
    public static final LesionWiseRule METASTASES = new LesionWiseRule(1, 2);

    public LesionWiseRule {
        if (dilation < 0 || !(minimumVolume >= 0)) {
            throw new IllegalArgumentException("dilation and minimum volume must not be negative: " + dilation + ", "
                    + minimumVolume);
        }
    }
}
