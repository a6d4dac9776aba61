package org.voxseg.core.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where MONAI's {@code sliding_window_inference} puts its windows over an image: a dimension smaller than the roi
 * is padded ({@code (roi - size) / 2} before, the rest after); the interval is the roi where it equals the padded
 * size, else {@code int(roi * (1 - overlap))}, at least 1; windows start at multiples of the interval, the last one
 * shifted back to end at the border; windows are listed in C order (first dimension slowest). Dimensions are given
 * in one fixed order (voxseg uses x, y, z).
 */
public final class WindowPlan {

    private final int[] imageShape;
    private final int[] roi;
    private final int[] padBefore;
    private final int[] paddedShape;
    private final int[][] starts;

    /**
     * @throws IllegalArgumentException if shapes are not three positive sizes or overlap is not in [0, 1)
     */
    public WindowPlan(int[] imageShape, int[] roi, double overlap) {
        if (imageShape.length != 3 || roi.length != 3 || Arrays.stream(roi).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("image and roi need three positive sizes: "
                    + Arrays.toString(imageShape) + ", " + Arrays.toString(roi));
        }
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be in [0, 1): " + overlap);
        }
        this.imageShape = imageShape.clone();
        this.roi = roi.clone();
        this.padBefore = new int[3];
        this.paddedShape = new int[3];
        this.starts = new int[3][];
        for (int d = 0; d < 3; d++) {
            int missing = Math.max(roi[d] - imageShape[d], 0);
            padBefore[d] = missing / 2;
            paddedShape[d] = imageShape[d] + missing;
            starts[d] = starts(paddedShape[d], roi[d], interval(paddedShape[d], roi[d], overlap));
        }
    }

    private static int interval(int size, int roi, double overlap) {
        if (roi == size) {
            return roi;
        }
        return Math.max((int) (roi * (1 - overlap)), 1);
    }

    private static int[] starts(int size, int roi, int interval) {
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; ; k++) {
            int start = k * interval;
            starts.add(start - Math.max(start + roi - size, 0));
            if (start + roi >= size) {
                break;
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The roi. */
    public int[] roi() {
        return roi.clone();
    }

    /** Voxels of zero padding before the image along each dimension. */
    public int[] padBefore() {
        return padBefore.clone();
    }

    /** The image's shape after padding. */
    public int[] paddedShape() {
        return paddedShape.clone();
    }

    /** The image's shape before padding. */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** The window starts along dimension {@code d}, in the padded image. */
    public int[] starts(int d) {
        return starts[d].clone();
    }

    /** Every window's start (in the padded image), first dimension slowest. */
    public List<int[]> windows() {
        List<int[]> windows = new ArrayList<>();
        for (int a : starts[0]) {
            for (int b : starts[1]) {
                for (int c : starts[2]) {
                    windows.add(new int[] {a, b, c});
                }
            }
        }
        return windows;
    }
}
