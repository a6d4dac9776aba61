package org.voxseg.data.label;

import java.util.Arrays;

/**
 * What the label encodings share: the configured labels and where their channels start, channel 0 being background
 * for one-hot classes and the first region for nested regions.
 */
abstract class LabelChannels {

    /** The label values, in configured order. */
    final int[] labels;
    private final int firstForegroundChannel;

    /**
     * @param labels distinct positive label values
     * @param firstForegroundChannel the channels before the labels' own: 1 with a background channel, else 0
     */
    LabelChannels(int[] labels, int firstForegroundChannel) {
        this.labels = LabelEncoding.checkLabels(labels);
        this.firstForegroundChannel = firstForegroundChannel;
    }

    /** The label values, in configured order. */
    public int[] labels() {
        return labels.clone();
    }

    /** Target channels per voxel: a background channel, if any, then one per label. */
    public int channels() {
        return firstForegroundChannel + labels.length;
    }

    /** The first channel that marks foreground. */
    public int firstForegroundChannel() {
        return firstForegroundChannel;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + Arrays.toString(labels);
    }
}
