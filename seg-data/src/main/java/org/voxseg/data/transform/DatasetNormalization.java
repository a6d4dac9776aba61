package org.voxseg.data.transform;

import java.nio.FloatBuffer;
import java.util.List;
import org.voxseg.data.volume.Volume;

/**
 * nnU-Net's CT normalisation: every voxel of channel c is clipped to that channel's training-foreground percentiles,
 * then has the foreground's mean subtracted and is divided by its standard deviation (at least 1e-8). The numbers
 * are the same for every case, so intensities keep their physical meaning (Hounsfield units) across cases.
 *
 * @param channels the statistics of each channel, in channel order
 */
public record DatasetNormalization(List<ChannelIntensities> channels) implements Normalization {

    /** The smallest standard deviation divided by, as nnU-Net's {@code max(std, 1e-8)}. */
    private static final double MIN_STD = 1e-8;

    public DatasetNormalization {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("CT normalisation needs the statistics of at least one channel");
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the image has another number of channels than there are statistics
     */
    @Override
    public Volume apply(Volume image) {
        if (image.channels() != channels.size()) {
            throw new IllegalArgumentException("an image of " + image.channels() + " channel(s) for CT normalisation "
                    + "statistics of " + channels.size());
        }
        int voxels = image.voxelsPerChannel();
        float[] data = new float[voxels * channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            ChannelIntensities statistics = channels.get(c);
            double std = Math.max(statistics.std(), MIN_STD);
            FloatBuffer channel = image.channel(c);
            for (int i = 0, offset = c * voxels; i < voxels; i++) {
                double clipped = Math.min(Math.max(channel.get(i), statistics.lowerBound()), statistics.upperBound());
                data[offset + i] = (float) ((clipped - statistics.mean()) / std);
            }
        }
        return Volume.wrap(image.geometry(), channels.size(), data);
    }
}
