package org.voxseg.data.evaluation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.GridChecks;
import org.voxseg.data.nifti.NiftiHeader;

/**
 * What makes a prediction and its reference scorable: one channel each, a spacing of positive finite numbers (not
 * the 1 mm a reader puts in place of a missing one), one grid (shape, and affine and spacing within
 * {@link #TOLERANCE_MM}), and voxels that are labels of the scored set or background.
 */
final class LabelMapChecks {

    /** The largest difference allowed between the affine entries (and spacings) of a pair, in mm. */
    static final double TOLERANCE_MM = 1e-3;

    private LabelMapChecks() {
    }

    /**
     * Checks a pair's headers: each has one channel and a usable spacing, and the prediction lies on the
     * reference's grid.
     *
     * @throws InvalidLabelMapException naming the file at fault
     */
    static void requireOneGrid(Path predictionFile, NiftiHeader prediction, Path referenceFile,
            NiftiHeader reference) throws InvalidLabelMapException {
        requireLabelMapHeader(predictionFile, prediction);
        requireLabelMapHeader(referenceFile, reference);
        Geometry p = prediction.geometry();
        Geometry r = reference.geometry();
        Optional<String> difference = GridChecks.describeDifference(p, r, TOLERANCE_MM);
        if (difference.isEmpty() && maxAbsDifference(p.spacing().toArray(), r.spacing().toArray()) > TOLERANCE_MM) {
            difference = Optional.of("spacing " + p.spacing() + " differs from " + r.spacing());
        }
        if (difference.isPresent()) {
            throw new InvalidLabelMapException(predictionFile, "not on the grid of its reference " + referenceFile
                    + ": " + difference.get() + " (tolerance " + TOLERANCE_MM + " mm)");
        }
    }

    /**
     * Checks that every voxel is finite, a whole number, and 0 or one of {@code labels}.
     *
     * @param shape the grid (nx, ny, nz), to say where a bad voxel is
     * @param labels the labels scored; 0 (background) is always allowed
     * @throws InvalidLabelMapException naming the file, the first bad voxel and how many there are
     */
    static void requireLabels(Path file, float[] values, int[] shape, int[] labels) throws InvalidLabelMapException {
        int[] allowed = allowed(labels);
        int firstNonFinite = -1;
        int firstFraction = -1;
        int firstForeign = -1;
        long bad = 0;
        TreeSet<Float> foreign = new TreeSet<>();
        for (int v = 0; v < values.length; v++) {
            float value = values[v];
            int label = (int) value;
            if (label == value && Arrays.binarySearch(allowed, label) >= 0) {
                continue;
            }
            bad++;
            if (!Float.isFinite(value)) {
                firstNonFinite = firstNonFinite < 0 ? v : firstNonFinite;
            } else if (value != Math.rint(value)) {
                firstFraction = firstFraction < 0 ? v : firstFraction;
            } else {
                firstForeign = firstForeign < 0 ? v : firstForeign;
                if (foreign.size() < 5) {
                    foreign.add(value);
                }
            }
        }
        if (bad == 0) {
            return;
        }
        String count = "; " + bad + " voxel(s) are not among the labels scored " + describe(allowed);
        if (firstNonFinite >= 0) {
            throw new InvalidLabelMapException(file, "not a label map: voxel " + position(firstNonFinite, shape)
                    + " is " + values[firstNonFinite] + count);
        }
        if (firstFraction >= 0) {
            throw new InvalidLabelMapException(file, "not a label map: voxel " + position(firstFraction, shape)
                    + " is " + values[firstFraction] + ", not a whole number" + count);
        }
        String names = foreign.stream().map(LabelMapChecks::label).collect(Collectors.joining(", "));
        throw new InvalidLabelMapException(file, "label(s) " + names + " are not among the labels scored "
                + describe(allowed) + ": " + bad + " voxel(s), the first at " + position(firstForeign, shape));
    }

    private static void requireLabelMapHeader(Path file, NiftiHeader header) throws InvalidLabelMapException {
        if (header.channelCount() != 1) {
            throw new InvalidLabelMapException(file, "not a label map: it has " + header.channelCount()
                    + " volumes (dims " + Arrays.toString(header.dims()) + "), a label map has one");
        }
        double[] pixdim = header.pixdim();
        int spatial = Math.min(3, header.dims().length);
        for (int d = 1; d <= spatial; d++) {
            if (!(pixdim[d] > 0) || !Double.isFinite(pixdim[d])) {
                throw new InvalidLabelMapException(file, "pixdim[" + d + "] is " + pixdim[d]
                        + ": the voxel spacing must be a positive finite number (mm) to measure distances");
            }
        }
    }

    /** 0 and {@code labels}, sorted, without repeats. */
    private static int[] allowed(int[] labels) {
        return Arrays.stream(Arrays.copyOf(labels, labels.length + 1)).distinct().sorted().toArray();
    }

    private static String describe(int[] allowed) {
        return "{" + Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "}";
    }

    private static String label(float value) {
        return value == (long) value ? Long.toString((long) value) : Float.toString(value);
    }

    private static String position(int index, int[] shape) {
        int x = index % shape[0];
        int y = index / shape[0] % shape[1];
        int z = index / (shape[0] * shape[1]);
        return String.format(Locale.ROOT, "(%d, %d, %d)", x, y, z);
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The labels of {@code structures}, each once. */
    static int[] labelsOf(List<Structure> structures) {
        return structures.stream().flatMap(s -> s.labels().stream()).mapToInt(Integer::intValue).distinct().sorted()
                .toArray();
    }
}
