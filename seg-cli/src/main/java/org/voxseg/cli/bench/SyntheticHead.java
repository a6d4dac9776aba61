package org.voxseg.cli.bench;

import java.util.Random;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/** Benchmark input: an ellipsoidal "head" of smooth texture plus noise, zero outside, like a skull-stripped MRI. */
final class SyntheticHead {

    private SyntheticHead() {
    }

    /**
     * A one-channel int16-valued head of {@code shape} voxels of {@code spacing} mm; {@code contrast} scales the
     * texture so that channels made with different values differ as MRI modalities do.
     */
    static Volume volume(int[] shape, double[] spacing, long seed, double contrast) {
        Random random = new Random(seed);
        float[] data = new float[shape[0] * shape[1] * shape[2]];
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++, at++) {
                    double x = (i - shape[0] / 2.0) / (0.4 * shape[0]);
                    double y = (j - shape[1] / 2.0) / (0.45 * shape[1]);
                    double z = (k - shape[2] / 2.0) / (0.45 * shape[2]);
                    if (x * x + y * y + z * z < 1) {
                        data[at] = (float) Math.rint(400 + contrast * (150 * Math.cos(0.07 * i) * Math.sin(0.05 * j)
                                + 80 * Math.cos(0.11 * k)) + 25 * random.nextGaussian());
                    }
                }
            }
        }
        Affine affine = Affine.diagonal(-spacing[0], -spacing[1], spacing[2]);
        return Volume.wrap(Geometry.of(Extent.of(shape), affine), 1, data);
    }

    /** Four channels like flair, t1, t1ce, t2 of one case: heads of seeds {@code seed + c}, contrasts 1 + 0.3 c. */
    static Volume fourChannels(int[] shape, long seed) {
        float[] channels = new float[4 * shape[0] * shape[1] * shape[2]];
        Geometry grid = null;
        for (int c = 0; c < 4; c++) {
            Volume head = volume(shape, new double[] {1, 1, 1}, seed + c, 1 + 0.3 * c);
            head.data().get(0, channels, c * head.voxelsPerChannel(), head.voxelsPerChannel());
            grid = head.geometry();
        }
        return Volume.wrap(grid, 4, channels);
    }
}
