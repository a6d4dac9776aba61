package org.voxseg.data.label;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.voxseg.data.volume.Volume;

/**
 * One channel per class, background first: label value {@code labels[c]} sets channel c + 1. Decoding takes the
 * arg-max over channels (softmax does not change it; the first channel wins ties).
 */
public final class OneHotEncoding extends LabelChannels implements LabelEncoding {

    OneHotEncoding(int[] labels) {
        super(labels, 1);
    }

    @Override
    public int[] labelsOf(int channel) {
        return Objects.checkIndex(channel, channels()) == 0 ? new int[0] : new int[] {labels[channel - 1]};
    }

    @Override
    public void encode(FloatBuffer labelValues, int offset, int voxels, float[] out, int outOffset) {
        Arrays.fill(out, outOffset, outOffset + channels() * voxels, 0f);
        for (int v = 0; v < voxels; v++) {
            int channel = LabelEncoding.indexOf(labels, labelValues.get(offset + v)) + 1;
            out[outOffset + channel * voxels + v] = 1;
        }
    }

    @Override
    public Volume decode(Volume scores) {
        if (scores.channels() != channels()) {
            throw new IllegalArgumentException("one-hot decoding needs " + channels() + " channels, not "
                    + scores.channels());
        }
        int voxels = scores.voxelsPerChannel();
        FloatBuffer data = scores.data();
        float[] out = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            int best = 0;
            for (int c = 1; c < channels(); c++) {
                if (data.get(c * voxels + v) > data.get(best * voxels + v)) {
                    best = c;
                }
            }
            out[v] = best == 0 ? 0 : labels[best - 1];
        }
        return Volume.wrap(scores.geometry(), 1, out);
    }
}
