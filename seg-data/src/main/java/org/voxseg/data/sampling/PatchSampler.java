package org.voxseg.data.sampling;

import java.util.Arrays;
import java.util.Random;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Extent;

/**
 * Cuts random patches of a fixed shape from cases, a configured fraction of them centred on a foreground voxel, the
 * rest anywhere. A foreground patch first picks one of the label values present uniformly, then one of that value's
 * voxels uniformly (nnU-Net's class-balanced oversampling), so a small class is centred on as often as a large one.
 * Patches are copied out of the case's buffers; a patch the size of the volume is the whole volume.
 */
public final class PatchSampler {

    private final int[] patchShape;
    private final double foregroundFraction;

    /**
     * @param patchShape voxels along x, y, z
     * @param foregroundFraction probability (0 to 1) that a patch is centred on foreground
     */
    public PatchSampler(int[] patchShape, double foregroundFraction) {
        if (patchShape.length != 3 || Arrays.stream(patchShape).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("patch shape must be three positive sizes: "
                    + Arrays.toString(patchShape));
        }
        if (!(foregroundFraction >= 0 && foregroundFraction <= 1)) {
            throw new IllegalArgumentException("foreground fraction must be 0 to 1: " + foregroundFraction);
        }
        this.patchShape = patchShape.clone();
        this.foregroundFraction = foregroundFraction;
    }

    public int[] patchShape() {
        return patchShape.clone();
    }

    /**
     * A patch of {@code source}, placed with {@code random}.
     *
     * @throws IllegalArgumentException if the case is smaller than the patch (preprocessing pads cases to at
     *     least the patch shape)
     */
    public Patch sample(SamplingCase source, Random random) {
        int[] shape = source.image().geometry().shape().toArray();
        for (int d = 0; d < 3; d++) {
            if (shape[d] < patchShape[d]) {
                throw new IllegalArgumentException("case " + source.id() + " (" + source.image().geometry()
                        .shapeText() + ") is smaller than the patch " + Arrays.toString(patchShape));
            }
        }
        boolean onForeground = !source.foreground().isEmpty() && random.nextDouble() < foregroundFraction;
        int[] start = onForeground ? aroundForeground(source, shape, random) : anywhere(shape, random);
        int channels = source.image().channels();
        int voxels = patchShape[0] * patchShape[1] * patchShape[2];
        float[] image = new float[channels * voxels];
        float[] labels = new float[voxels];
        Boxes.copy(source.image().data(), shape, start, image, patchShape, new int[3], patchShape, channels);
        source.labels().copy(start, labels, patchShape, new int[3], patchShape);
        return new Patch(Extent.of(patchShape), channels, image, labels);
    }

    private int[] anywhere(int[] shape, Random random) {
        int[] start = new int[3];
        for (int d = 0; d < 3; d++) {
            start[d] = random.nextInt(shape[d] - patchShape[d] + 1);
        }
        return start;
    }

    private int[] aroundForeground(SamplingCase source, int[] shape, Random random) {
        ForegroundLocations foreground = source.foreground();
        // With a single value there is nothing to pick, and no random number is spent on it.
        int value = foreground.valueCount() == 1 ? 0 : random.nextInt(foreground.valueCount());
        int voxel = foreground.location(value, random.nextInt(foreground.count(value)));
        int[] centre = {voxel % shape[0], voxel / shape[0] % shape[1], voxel / (shape[0] * shape[1])};
        int[] start = new int[3];
        for (int d = 0; d < 3; d++) {
            start[d] = Math.min(Math.max(centre[d] - patchShape[d] / 2, 0), shape[d] - patchShape[d]);
        }
        return start;
    }
}
