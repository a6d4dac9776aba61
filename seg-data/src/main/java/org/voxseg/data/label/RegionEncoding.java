package org.voxseg.data.label;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.voxseg.data.volume.Volume;

/**
 * Nested regions from a label hierarchy (3DUnetCNN's {@code label_hierarchy}, nnU-Net's regions): region r holds
 * the labels from position r onwards, so BraTS labels [2, 1, 4] give WT = {2, 1, 4}, TC = {1, 4}, ET = {4}.
 * Decoding follows nnU-Net's region order: a voxel takes the label of the last region whose probability exceeds 0.5
 * (4 if ET, else 1 if TC, else 2 if WT, else 0).
 */
public final class RegionEncoding extends LabelChannels implements LabelEncoding {

    private static final float THRESHOLD = 0.5f;

    RegionEncoding(int[] labels) {
        super(labels, 0);
    }

    @Override
    public int[] labelsOf(int channel) {
        return Arrays.copyOfRange(labels, Objects.checkIndex(channel, channels()), labels.length);
    }

    @Override
    public void encode(FloatBuffer labelValues, int offset, int voxels, float[] out, int outOffset) {
        for (int v = 0; v < voxels; v++) {
            int index = LabelEncoding.indexOf(labels, labelValues.get(offset + v));
            for (int r = 0; r < labels.length; r++) {
                out[outOffset + r * voxels + v] = index >= r ? 1 : 0;
            }
        }
    }

    @Override
    public Volume decode(Volume scores) {
        if (scores.channels() != labels.length) {
            throw new IllegalArgumentException("region decoding needs " + labels.length + " channels, not "
                    + scores.channels());
        }
        int voxels = scores.voxelsPerChannel();
        FloatBuffer data = scores.data();
        float[] out = new float[voxels];
        for (int r = 0; r < labels.length; r++) {
            for (int v = 0; v < voxels; v++) {
                if (data.get(r * voxels + v) > THRESHOLD) {
                    out[v] = labels[r];
                }
            }
        }
        return Volume.wrap(scores.geometry(), 1, out);
    }
}
