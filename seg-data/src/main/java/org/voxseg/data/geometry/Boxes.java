package org.voxseg.data.geometry;

import java.nio.FloatBuffer;

/** Copies axis-aligned boxes of voxels between arrays of different shapes (file order), every channel alike. */
public final class Boxes {

    private Boxes() {
    }

    /**
     * Copies a box of {@code size} voxels from {@code src} (shape {@code srcShape}) at {@code srcStart} into
     * {@code dst} (shape {@code dstShape}) at {@code dstStart}, for each of {@code channels} channels.
     */
    public static void copy(FloatBuffer src, int[] srcShape, int[] srcStart, float[] dst, int[] dstShape,
            int[] dstStart, int[] size, int channels) {
        int srcChannel = srcShape[0] * srcShape[1] * srcShape[2];
        int dstChannel = dstShape[0] * dstShape[1] * dstShape[2];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < size[2]; k++) {
                for (int j = 0; j < size[1]; j++) {
                    int from = c * srcChannel + srcStart[0]
                            + srcShape[0] * (srcStart[1] + j + srcShape[1] * (srcStart[2] + k));
                    int to = c * dstChannel + dstStart[0]
                            + dstShape[0] * (dstStart[1] + j + dstShape[1] * (dstStart[2] + k));
                    src.get(from, dst, to, size[0]);
                }
            }
        }
    }
}
