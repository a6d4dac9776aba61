package org.voxseg.data.transform;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.voxseg.data.volume.Volume;

/**
 * Samples of the training cases' foreground intensities, the part of nnU-Net's dataset fingerprint its CT
 * normalisation needs: from each case, {@value #SAMPLES_PER_CASE} voxels with a label above 0 drawn uniformly with
 * replacement (the same seeded draw for every case), and from all samples, in the order the cases were added, each
 * channel's {@link ChannelIntensities}; the same cases in the same order always give the same numbers. Bounded
 * memory: a case's draw keeps only the drawn positions, never a mask of its foreground. Not thread-safe: draw in
 * parallel with {@link #sample}, then add in order.
 */
public final class ForegroundIntensities {

    /** Voxels drawn from each case's foreground, as nnU-Net's fingerprint draws. */
    public static final int SAMPLES_PER_CASE = 10_000;
    private static final long SEED = 1234;

    private final int channels;
    private final List<float[][]> cases = new ArrayList<>();

    /** An empty collection for images of {@code channels} channels. */
    public ForegroundIntensities(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        this.channels = channels;
    }

    /**
     * Draws one case's samples: per channel, {@link #SAMPLES_PER_CASE} values at foreground voxels, or none if the
     * label map has no foreground.
     *
     * @throws IllegalArgumentException if the label map is not on the image's grid or not one channel
     */
    public static float[][] sample(Volume image, Volume labels) {
        if (labels.channels() != 1 || labels.voxelsPerChannel() != image.voxelsPerChannel()) {
            throw new IllegalArgumentException("the label map is not one channel on the image's grid");
        }
        FloatBuffer label = labels.channel(0);
        int foreground = 0;
        for (int i = 0; i < label.capacity(); i++) {
            foreground += label.get(i) > 0 ? 1 : 0;
        }
        float[][] samples = new float[image.channels()][foreground == 0 ? 0 : SAMPLES_PER_CASE];
        if (foreground == 0) {
            return samples;
        }
        int[] ranks = new SplittableRandom(SEED).ints(SAMPLES_PER_CASE, 0, foreground).sorted().toArray();
        int drawn = 0;
        for (int i = 0, rank = 0; i < label.capacity() && drawn < ranks.length; i++) {
            if (label.get(i) <= 0) {
                continue;
            }
            for (; drawn < ranks.length && ranks[drawn] == rank; drawn++) {
                for (int c = 0; c < image.channels(); c++) {
                    samples[c][drawn] = image.channel(c).get(i);
                }
            }
            rank++;
        }
        return samples;
    }

    /**
     * Adds one case's samples, as {@link #sample} drew them.
     *
     * @throws IllegalArgumentException if they are not of this collection's channel count
     */
    public void add(float[][] samples) {
        if (samples.length != channels) {
            throw new IllegalArgumentException(samples.length + " channel(s) of samples for a collection of "
                    + channels);
        }
        cases.add(samples);
    }

    /** Whether any case added had foreground. */
    public boolean hasForeground() {
        return cases.stream().anyMatch(c -> c[0].length > 0);
    }

    /**
     * Each channel's statistics over all samples added.
     *
     * @throws IllegalStateException if no case added had foreground
     */
    public List<ChannelIntensities> statistics() {
        if (!hasForeground()) {
            throw new IllegalStateException("no foreground voxels to take intensity statistics from");
        }
        List<ChannelIntensities> result = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            int channel = c;
            float[] values = new float[cases.stream().mapToInt(s -> s[channel].length).sum()];
            int offset = 0;
            for (float[][] samples : cases) {
                System.arraycopy(samples[c], 0, values, offset, samples[c].length);
                offset += samples[c].length;
            }
            result.add(ChannelIntensities.of(values, values.length));
        }
        return result;
    }
}
