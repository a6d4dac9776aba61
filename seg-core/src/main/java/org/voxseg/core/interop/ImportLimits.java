package org.voxseg.core.interop;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.voxseg.data.geometry.Extent;

/**
 * The bounds an imported model's description keeps, checked before anything is allocated for it, so that a value
 * that would make every later prediction fail (or exhaust the memory) is refused at import naming the option or key.
 * Each check answers the problem as a phrase, or nothing.
 */
public final class ImportLimits {

    /**
     * The most input or output channels: above any segmentation network's (MONAI's whole-brain parcellation has 133
     * classes), far below what a heap can hold.
     */
    public static final int MAX_CHANNELS = 256;
    /** The longest window side: a 1024^3 window of one channel is 4 GB already. */
    public static final int MAX_WINDOW_SIDE = 1024;
    /** The most windows per forward pass. */
    public static final int MAX_WINDOW_BATCH = 64;
    /** The finest target spacing (mm): finer resamples a head to billions of voxels. */
    public static final double MIN_SPACING = 0.01;
    /** A channel name is a case file's suffix: letters, digits, '_', '-' and '.', not only dots. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ImportLimits() {
    }

    /** The problem, if any, of an input or output channel count. */
    public static Optional<String> channelCount(long count) {
        return count < 1 || count > MAX_CHANNELS ? Optional.of(count + " channels: give between 1 and " + MAX_CHANNELS)
                : Optional.empty();
    }

    /** The problem, if any, of the input channels' names: empty, path-like, repeated or too many. */
    public static Optional<String> channelNames(List<String> names) {
        Optional<String> count = channelCount(names.size());
        if (count.isPresent()) {
            return count;
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
                return Optional.of("channel name '" + name + "' is not a file suffix (letters, digits, '_', '-', "
                        + "'.'); name each channel as its case files end, e.g. flair,t1,t1ce,t2");
            }
            if (!seen.add(name)) {
                return Optional.of("channel name '" + name + "' is given twice; each channel needs its own file");
            }
        }
        return Optional.empty();
    }

    /** The problem, if any, of a window along (x, y, z). */
    public static Optional<String> window(Extent roi) {
        return roi.x() > MAX_WINDOW_SIDE || roi.y() > MAX_WINDOW_SIDE || roi.z() > MAX_WINDOW_SIDE
                ? Optional.of("window " + roi + ": each side at most " + MAX_WINDOW_SIDE) : Optional.empty();
    }

    /** The problem, if any, of the windows per forward pass. */
    public static Optional<String> windowBatch(long batch) {
        return batch < 1 || batch > MAX_WINDOW_BATCH ? Optional.of("window batch " + batch + ": give between 1 and "
                + MAX_WINDOW_BATCH + " windows per pass") : Optional.empty();
    }

    /**
     * The problem, if any, of holding a batch of windows with their inputs and outputs as float32 in at most half of
     * {@code maxHeapBytes}.
     */
    public static Optional<String> windowMemory(Extent roi, int batch, int inputs, int outputs, long maxHeapBytes) {
        double bytes = (double) roi.x() * roi.y() * roi.z() * batch * (inputs + outputs) * Float.BYTES;
        return bytes > maxHeapBytes / 2.0 ? Optional.of(String.format(Locale.ROOT, "a batch of %d window(s)"
                + " %s with %d input and %d output channels needs %.0f MB, more than half the heap (%d MB); use a "
                + "smaller window or batch, or give Java more memory", batch, roi, inputs, outputs, bytes / (1 << 20),
                maxHeapBytes >> 20)) : Optional.empty();
    }

    /** The problem, if any, of a target voxel spacing (mm). */
    public static Optional<String> spacing(double[] spacing) {
        for (double value : spacing) {
            if (!(value >= MIN_SPACING) || !Double.isFinite(value)) {
                return Optional.of("spacing " + value + ": each must be a finite number of at least " + MIN_SPACING
                        + " mm");
            }
        }
        return Optional.empty();
    }
}
