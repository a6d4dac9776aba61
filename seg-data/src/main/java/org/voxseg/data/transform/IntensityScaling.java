package org.voxseg.data.transform;

import org.voxseg.data.volume.Volume;

/**
 * MONAI's {@code ScaleIntensityRange}: intensities mapped linearly from [aMin, aMax] to [bMin, bMax], optionally
 * clipped to [bMin, bMax] afterwards; the usual CT windowing (e.g. -57..164 HU to 0..1). Every voxel and channel
 * alike.
 *
 * @param aMin the intensity that becomes {@code bMin}
 * @param aMax the intensity that becomes {@code bMax}
 * @param bMin the target of {@code aMin}
 * @param bMax the target of {@code aMax}
 * @param clip clip the result to [bMin, bMax]
 */
public record IntensityScaling(double aMin, double aMax, double bMin, double bMax, boolean clip) {

    public IntensityScaling {
        if (!(aMax != aMin) || !Double.isFinite(aMin + aMax + bMin + bMax)) {
            throw new IllegalArgumentException("intensity scaling needs finite values and a_min != a_max: " + aMin
                    + ", " + aMax);
        }
    }

    /** The scaled volume. */
    public Volume apply(Volume image) {
        float[] data = image.toArray();
        double low = Math.min(bMin, bMax);
        double high = Math.max(bMin, bMax);
        for (int i = 0; i < data.length; i++) {
            double value = (data[i] - aMin) / (aMax - aMin) * (bMax - bMin) + bMin;
            data[i] = (float) (clip ? Math.min(Math.max(value, low), high) : value);
        }
        return Volume.wrap(image.geometry(), image.channels(), data);
    }
}
