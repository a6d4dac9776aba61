package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.voxseg.data.geometry.Boxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * MONAI's {@code sliding_window_inference} over a whole volume: windows of {@code roi} voxels placed by a
 * {@link WindowPlan}, predicted {@code batchSize} at a time, blended with constant or Gaussian weights
 * ({@link BlendWeights}), padding removed at the end. Outputs accumulate in host float arrays and every batch runs
 * in its own NDManager scope, so native memory is bounded by one batch of windows, not by the volume.
 *
 * @param roi window size along (x, y, z)
 * @param overlap fraction of a window shared with its neighbour, in [0, 1)
 * @param batchSize windows per network call (MONAI's sw_batch_size)
 * @param gaussian Gaussian rather than constant blending
 * @param sigmaScale the Gaussian's sigma as a fraction of the window size
 * @param padding how an image smaller than the window is padded (zeros unless an imported model says otherwise)
 */
public record SlidingWindow(Extent roi, double overlap, int batchSize, boolean gaussian, double sigmaScale,
        WindowPadding padding) {

    public SlidingWindow {
        Objects.requireNonNull(padding, "padding");
        if (batchSize < 1) {
            throw new IllegalArgumentException("window batch size must be positive: " + batchSize);
        }
        if (roi.voxels() * batchSize > Integer.MAX_VALUE / 16) {
            throw new IllegalArgumentException("a window of " + roi + " voxels (" + batchSize + " at a time) is too "
                    + "large to hold; use a smaller roi");
        }
        new WindowPlan(new int[] {1, 1, 1}, roi.toArray(), overlap);
    }

    /** A sliding window padding with zeros. */
    public SlidingWindow(Extent roi, double overlap, int batchSize, boolean gaussian, double sigmaScale) {
        this(roi, overlap, batchSize, gaussian, sigmaScale, WindowPadding.CONSTANT);
    }

    /** A sliding window padding with zeros, with windows of {@code roi} voxels, given as {@code [x, y, z]}. */
    public SlidingWindow(int[] roi, double overlap, int batchSize, boolean gaussian, double sigmaScale) {
        this(Extent.of(roi), overlap, batchSize, gaussian, sigmaScale);
    }

    /** MONAI's defaults for overlap 0.5: Gaussian blending with sigma 0.125 of the window, one window a batch. */
    public static SlidingWindow gaussian(Extent roi, double overlap) {
        return new SlidingWindow(roi, overlap, 1, true, 0.125);
    }

    /** As {@link #gaussian(Extent, double)}, the window given as {@code [x, y, z]}. */
    public static SlidingWindow gaussian(int[] roi, double overlap) {
        return gaussian(Extent.of(roi), overlap);
    }

    /** The outputs of {@code predictor} over all of {@code image}, on its grid. */
    public Volume predict(Volume image, Predictor predictor, NDManager manager) {
        return predict(image, predictor, manager, done -> { });
    }

    /**
     * As {@link #predict(Volume, Predictor, NDManager)}, reporting the number of windows done after each batch.
     */
    public Volume predict(Volume image, Predictor predictor, NDManager manager, IntConsumer progress) {
        int[] roi = this.roi.toArray();
        Geometry grid = image.geometry();
        WindowPlan plan = new WindowPlan(grid.shape().toArray(), roi, overlap);
        int[] padded = plan.paddedShape();
        int channels = image.channels();
        FloatBuffer source = pad(image, plan, padding);
        float[] weights = BlendWeights.map(roi, gaussian, sigmaScale);
        int roiVoxels = weights.length;
        int paddedVoxels = padded[0] * padded[1] * padded[2];
        float[] weightSum = new float[paddedVoxels];
        float[] sums = null;
        int outputs = 0;
        List<int[]> windows = plan.windows();
        float[] window = new float[channels * roiVoxels];
        float[] batch = new float[Math.min(batchSize, windows.size()) * channels * roiVoxels];
        // One direct buffer for every upload: DJL would copy a heap array into a new direct buffer per batch, whose
        // native memory only a garbage collection frees (growing RSS by hundreds of MB per case between GCs).
        ByteBuffer upload = ByteBuffer.allocateDirect(batch.length * Float.BYTES).order(ByteOrder.nativeOrder());
        float[] predicted = null;
        for (int first = 0; first < windows.size(); first += batchSize) {
            int count = Math.min(batchSize, windows.size() - first);
            for (int b = 0; b < count; b++) {
                Boxes.copy(source, padded, windows.get(first + b), window, roi, new int[3], roi, channels);
                System.arraycopy(window, 0, batch, b * channels * roiVoxels, window.length);
            }
            try (NDManager scope = manager.newSubManager()) {
                int values = count * channels * roiVoxels;
                ByteBuffer bytes = upload.duplicate().order(ByteOrder.nativeOrder()).limit(values * Float.BYTES);
                bytes.asFloatBuffer().put(batch, 0, values);
                // The tensor reads the buffer in place; it is closed with the scope before the buffer is refilled.
                NDArray input = scope.create(bytes, new Shape(count, channels, roi[2], roi[1], roi[0]),
                        DataType.FLOAT32);
                NDArray output = predictor.predict(input);
                if (sums == null) {
                    outputs = (int) output.getShape().get(1);
                    sums = new float[outputs * paddedVoxels];
                    predicted = new float[batchSize * outputs * roiVoxels];
                }
                // Read through the tensor's buffer into a reused array: no per-window garbage on the Java heap.
                output.toByteBuffer().asFloatBuffer().get(predicted, 0, count * outputs * roiVoxels);
            }
            for (int b = 0; b < count; b++) {
                accumulate(predicted, b * outputs * roiVoxels, outputs, windows.get(first + b), padded, weights,
                        sums, weightSum);
            }
            progress.accept(first + count);
        }
        return Volume.wrap(grid, outputs, unpad(sums, weightSum, outputs, plan));
    }

    private static FloatBuffer pad(Volume image, WindowPlan plan, WindowPadding padding) {
        int[] shape = image.geometry().shape().toArray();
        int[] padded = plan.paddedShape();
        if (Arrays.equals(shape, padded)) {
            return image.data();
        }
        return FloatBuffer.wrap(padding.pad(image.data(), shape, image.channels(), padded, plan.padBefore()));
    }

    /** Adds one window's weighted outputs and its weights into the padded accumulators. */
    private void accumulate(float[] predicted, int offset, int outputs, int[] start, int[] padded, float[] weights,
            float[] sums, float[] weightSum) {
        int[] roi = this.roi.toArray();
        int roiVoxels = weights.length;
        int paddedVoxels = padded[0] * padded[1] * padded[2];
        int at = 0;
        for (int k = 0; k < roi[2]; k++) {
            for (int j = 0; j < roi[1]; j++) {
                int row = start[0] + padded[0] * (start[1] + j + padded[1] * (start[2] + k));
                for (int i = 0; i < roi[0]; i++, at++) {
                    float w = weights[at];
                    weightSum[row + i] += w;
                    for (int o = 0; o < outputs; o++) {
                        sums[o * paddedVoxels + row + i] += w * predicted[offset + o * roiVoxels + at];
                    }
                }
            }
        }
    }

    /** The blended outputs over the unpadded image. */
    private static float[] unpad(float[] sums, float[] weightSum, int outputs, WindowPlan plan) {
        int[] padded = plan.paddedShape();
        int[] shape = plan.imageShape();
        int[] before = plan.padBefore();
        int paddedVoxels = padded[0] * padded[1] * padded[2];
        int voxels = shape[0] * shape[1] * shape[2];
        float[] out = new float[outputs * voxels];
        for (int o = 0; o < outputs; o++) {
            int at = o * voxels;
            for (int k = 0; k < shape[2]; k++) {
                for (int j = 0; j < shape[1]; j++) {
                    int row = before[0] + padded[0] * (before[1] + j + padded[1] * (before[2] + k));
                    for (int i = 0; i < shape[0]; i++, at++) {
                        out[at] = sums[o * paddedVoxels + row + i] / weightSum[row + i];
                    }
                }
            }
        }
        return out;
    }
}
