package org.voxseg.data.label;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voxseg.data.volume.Volume;

/**
 * How a label map becomes network target channels, and how network outputs become a label map again. The two
 * directions live together so that they cannot drift apart.
 */
public sealed interface LabelEncoding permits RegionEncoding, OneHotEncoding {

    /**
     * The encoding for {@code labels} (the dataset's non-zero label values): nested regions when
     * {@code hierarchy} is true (BraTS [2, 1, 4] gives WT, TC, ET), else one-hot classes with background first.
     *
     * @throws IllegalArgumentException if labels are empty, repeated, zero or not whole numbers
     */
    static LabelEncoding of(int[] labels, boolean hierarchy) {
        return hierarchy ? new RegionEncoding(labels) : new OneHotEncoding(labels);
    }

    /** The label values, in configured order. */
    int[] labels();

    /**
     * Names for the output channels when a dataset gives none: BraTS's WT, TC, ET for its regions of [2, 1, 4],
     * else {@code label_<value>} per label, after {@code background} for one-hot classes.
     */
    default List<String> defaultOutputNames() {
        if (this instanceof RegionEncoding && Arrays.equals(labels(), new int[] {2, 1, 4})) {
            return List.of("WT", "TC", "ET");
        }
        List<String> names = new ArrayList<>();
        if (firstForegroundChannel() > 0) {
            names.add("background");
        }
        for (int label : labels()) {
            names.add("label_" + label);
        }
        return names;
    }

    /** Target channels per voxel. */
    int channels();

    /**
     * The first channel that marks foreground: 0 for regions, 1 for one-hot classes (channel 0 is background).
     * Mean scores over the foreground start here, as nnU-Net's and MONAI's do.
     */
    int firstForegroundChannel();

    /**
     * Encodes {@code voxels} label values from {@code labels} at {@code offset} into {@code channels()} blocks of
     * {@code voxels} values in {@code out} from {@code outOffset} (channel-major).
     *
     * @throws IllegalArgumentException for a value that is neither 0 nor a configured label
     */
    void encode(FloatBuffer labels, int offset, int voxels, float[] out, int outOffset);

    /**
     * The label map for network outputs {@code scores} (sigmoid probabilities per region, or per-class scores),
     * one channel per {@link #channels()}.
     *
     * @throws IllegalArgumentException if {@code scores} does not have {@link #channels()} channels
     */
    Volume decode(Volume scores);

    /**
     * The label values whose voxels channel {@code channel} marks: for nested regions the channel's label and every
     * label after it (BraTS WT = {2, 1, 4}), for one-hot classes the class's label (none for the background).
     */
    int[] labelsOf(int channel);

    /** The target channels for a one-channel label map. */
    default Volume encode(Volume labelMap) {
        if (labelMap.channels() != 1) {
            throw new IllegalArgumentException("a label map has 1 channel, not " + labelMap.channels());
        }
        int voxels = labelMap.voxelsPerChannel();
        float[] out = new float[channels() * voxels];
        encode(labelMap.data(), 0, voxels, out, 0);
        return Volume.wrap(labelMap.geometry(), channels(), out);
    }

    /** Checks that labels are distinct positive integers; returns a copy. */
    static int[] checkLabels(int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("at least one label is needed");
        }
        if (Arrays.stream(labels).anyMatch(l -> l <= 0) || Arrays.stream(labels).distinct().count() != labels.length) {
            throw new IllegalArgumentException("labels must be distinct positive integers: " + Arrays.toString(labels));
        }
        return labels.clone();
    }

    /** The index of {@code value} in {@code labels}, -1 for background (0). */
    static int indexOf(int[] labels, float value) {
        if (value == 0) {
            return -1;
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("label value " + value + " is not 0 or one of " + Arrays.toString(labels));
    }
}
