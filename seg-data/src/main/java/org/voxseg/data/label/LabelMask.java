package org.voxseg.data.label;

/** Binary masks of label maps. */
public final class LabelMask {

    private LabelMask() {
    }

    /** The voxels of {@code values} whose value is one of {@code labels} (which holds no 0). */
    public static boolean[] of(float[] values, int[] labels) {
        boolean[] mask = new boolean[values.length];
        for (int v = 0; v < values.length; v++) {
            float value = values[v];
            if (value != 0) {
                for (int label : labels) {
                    if (value == label) {
                        mask[v] = true;
                        break;
                    }
                }
            }
        }
        return mask;
    }
}
