package org.voxseg.data.sampling;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.voxseg.data.volume.LabelVolume;

/**
 * Where each foreground label of a case lies: the non-zero label values present, ascending, and for each value the
 * file-order indices of its voxels, ascending. Found once per case, so that class-balanced oversampling costs nothing
 * per patch; held on the heap ({@link #of}) or in a memory-mapped cache file ({@link #view}).
 */
public final class ForegroundLocations {

    private final int[] values;
    private final IntBuffer[] locations;

    private ForegroundLocations(int[] values, IntBuffer[] locations) {
        this.values = values;
        this.locations = locations;
    }

    /** The foreground of {@code labels}: every non-zero value and its voxels. */
    public static ForegroundLocations of(LabelVolume labels) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int voxels = labels.voxels();
        for (int v = 0; v < voxels; v++) {
            int value = labels.get(v);
            if (value != 0) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        int[] values = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] indices = new int[values.length][];
        for (int n = 0; n < values.length; n++) {
            indices[n] = new int[counts.get(values[n])];
        }
        int[] filled = new int[values.length];
        for (int v = 0; v < voxels; v++) {
            int value = labels.get(v);
            if (value != 0) {
                int n = Arrays.binarySearch(values, value);
                indices[n][filled[n]++] = v;
            }
        }
        IntBuffer[] locations = new IntBuffer[values.length];
        for (int n = 0; n < values.length; n++) {
            locations[n] = IntBuffer.wrap(indices[n]).asReadOnlyBuffer();
        }
        return new ForegroundLocations(values, locations);
    }

    /**
     * A view of stored locations, without a copy: {@code all} holds the voxels of {@code values[0]}, then those of
     * {@code values[1]}, and so on, {@code counts[n]} of each. The caller must not change them afterwards.
     *
     * @throws IllegalArgumentException if the values are not ascending, non-zero and distinct, a count is not
     *     positive, or the counts do not add up to the buffer's remaining ints
     */
    public static ForegroundLocations view(int[] values, int[] counts, IntBuffer all) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " label values with " + counts.length + " counts");
        }
        IntBuffer remaining = all.slice().asReadOnlyBuffer();
        IntBuffer[] locations = new IntBuffer[values.length];
        long total = 0;
        int at = 0;
        for (int n = 0; n < values.length; n++) {
            if (values[n] == 0 || n > 0 && values[n] <= values[n - 1] || counts[n] < 1) {
                throw new IllegalArgumentException("foreground values must ascend, be non-zero and have voxels: "
                        + Arrays.toString(values) + " with counts " + Arrays.toString(counts));
            }
            total += counts[n];
            if (total > remaining.capacity()) {
                break;
            }
            locations[n] = remaining.slice(at, counts[n]);
            at += counts[n];
        }
        if (total != remaining.capacity()) {
            throw new IllegalArgumentException("the counts add up to " + total + " locations, the buffer holds "
                    + remaining.capacity());
        }
        return new ForegroundLocations(values.clone(), locations);
    }

    /** The non-zero label values present, ascending. */
    public int[] values() {
        return values.clone();
    }

    /** The number of voxels of each value in {@link #values()}, in the same order. */
    public int[] counts() {
        return Arrays.stream(locations).mapToInt(IntBuffer::capacity).toArray();
    }

    /** Whether the case has no foreground voxel. */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** A read-only view of the voxels of the {@code n}-th value in {@link #values()}, ascending file-order indices. */
    public IntBuffer locations(int n) {
        return locations[n].duplicate();
    }

    /** How many values are present. */
    int valueCount() {
        return values.length;
    }

    /** How many voxels the {@code n}-th value has. */
    int count(int n) {
        return locations[n].capacity();
    }

    /** The file-order index of the {@code i}-th voxel of the {@code n}-th value. */
    int location(int n, int i) {
        return locations[n].get(i);
    }
}
