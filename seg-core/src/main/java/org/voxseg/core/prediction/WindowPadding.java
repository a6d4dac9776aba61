package org.voxseg.core.prediction;

import java.nio.FloatBuffer;
import org.voxseg.data.geometry.Boxes;

/**
 * How the sliding window pads an image smaller than the window (MONAI's {@code padding_mode}): with zeros (voxseg's
 * own networks, MONAI's default {@code constant} with {@code cval} 0), or by repeating each edge voxel outwards
 * ({@code replicate}, PyTorch's {@code F.pad(mode="replicate")}) as some bundles' inferers do.
 */
public enum WindowPadding {
    CONSTANT,
    REPLICATE;

    /**
     * The image (channels of {@code shape}, x fastest) placed at {@code before} in a grid of {@code padded}, the rest
     * filled as this padding fills it.
     */
    public float[] pad(FloatBuffer image, int[] shape, int channels, int[] padded, int[] before) {
        int paddedVoxels = padded[0] * padded[1] * padded[2];
        int voxels = shape[0] * shape[1] * shape[2];
        float[] out = new float[channels * paddedVoxels];
        if (this == CONSTANT) {
            Boxes.copy(image, shape, new int[3], out, padded, before, shape, channels);
            return out;
        }
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < padded[2]; k++) {
                int sk = k - before[2];
                for (int j = 0; j < padded[1]; j++) {
                    int sj = j - before[1];
                    for (int i = 0; i < padded[0]; i++) {
                        int si = i - before[0];
                        int at = clamp(si, shape[0]) + shape[0] * (clamp(sj, shape[1])
                                + shape[1] * clamp(sk, shape[2]));
                        out[c * paddedVoxels + i + padded[0] * (j + padded[1] * k)] = image.get(c * voxels + at);
                    }
                }
            }
        }
        return out;
    }

    private static int clamp(int index, int size) {
        return Math.min(Math.max(index, 0), size - 1);
    }
}
