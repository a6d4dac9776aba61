package org.voxseg.data.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.Crop;
import org.voxseg.data.transform.GridStep;
import org.voxseg.data.transform.Pad;
import org.voxseg.data.transform.PreprocessingRecord;
import org.voxseg.data.transform.Resample;
import org.voxseg.data.volume.LabelType;

/**
 * A cache entry's JSON header: what it was built from (key), what it holds (channels, labels and their type, the
 * foreground values and their voxel counts), the preprocessing record (original geometry, grid steps), and where each
 * binary section lies in the file.
 *
 * @param key the {@link CacheKey#digest() digest} of the key of the inputs and settings the entry was built from
 * @param channels image channels
 * @param hasLabels whether the entry holds a label map (and its foreground locations)
 * @param original the geometry of the case's files
 * @param steps the grid steps preprocessing took
 * @param labelType the integer type of the label section, or null without labels
 * @param labelValues the non-zero label values present, ascending (empty without labels)
 * @param labelCounts the voxels of each label value, in the same order
 * @param image the float32 image section
 * @param labels the label section, or null without labels
 * @param foreground the int32 foreground-locations section, or null without labels
 */
record EntryMetadata(String key, int channels, boolean hasLabels, GeometryData original, List<StepData> steps,
        LabelType labelType, List<Integer> labelValues, List<Integer> labelCounts, Section image, Section labels,
        Section foreground) {

    /** A binary section: its byte offset in the file (a multiple of 64) and its length in bytes. */
    record Section(long offset, long length) {

        /** The first byte after the section. */
        long end() {
            return offset + length;
        }
    }

    /** The preprocessing record the metadata describes. */
    PreprocessingRecord record() throws IOException {
        List<GridStep> gridSteps = new ArrayList<>();
        for (StepData step : steps) {
            gridSteps.add(step.toStep());
        }
        return new PreprocessingRecord(original.toGeometry(), gridSteps);
    }

    /** A {@link Geometry}'s fields. */
    record GeometryData(List<Integer> shape, List<Double> spacing, List<List<Double>> qform, int qformCode,
            List<List<Double>> sform, int sformCode, int xyztUnits) {

        static GeometryData of(Geometry g) {
            Spacing spacing = g.spacing();
            return new GeometryData(list(g.shape()), List.of(spacing.x(), spacing.y(), spacing.z()), rows(g.qform()),
                    g.qformCode(), rows(g.sform()), g.sformCode(), g.xyztUnits());
        }

        Geometry toGeometry() {
            return Geometry.builder().shape(extent(shape))
                    .spacing(new Spacing(spacing.get(0), spacing.get(1), spacing.get(2)))
                    .qform(affine(qform), qformCode)
                    .sform(affine(sform), sformCode)
                    .xyztUnits(xyztUnits).build();
        }

        private static List<List<Double>> rows(Affine a) {
            List<List<Double>> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                rows.add(Arrays.stream(a.row(r)).boxed().toList());
            }
            return rows;
        }

        private static Affine affine(List<List<Double>> rows) {
            return Affine.fromRows(toArray(rows.get(0)), toArray(rows.get(1)), toArray(rows.get(2)));
        }

        private static double[] toArray(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** A {@link GridStep}: its type and its two int triples (crop start/size, pad before/after, resample shape). */
    record StepData(String type, List<Integer> first, List<Integer> second) {

        static StepData of(GridStep step) {
            if (step instanceof Crop c) {
                return new StepData("crop", list(c.start()), list(c.size()));
            }
            if (step instanceof Pad p) {
                return new StepData("pad", list(p.before()), list(p.after()));
            }
            if (step instanceof Resample r) {
                return new StepData("resample", list(r.shape()), null);
            }
            throw new IllegalArgumentException("the cache keeps voxseg's own grid steps; MONAI's spacing grid is for "
                    + "imported models, which are not trained");
        }

        GridStep toStep() throws IOException {
            return switch (type) {
                case "crop" -> new Crop(extent(first), extent(second));
                case "pad" -> new Pad(extent(first), extent(second));
                case "resample" -> new Resample(extent(first));
                default -> throw new IOException("unknown grid step " + type);
            };
        }
    }

    /** An extent as the JSON list [x, y, z]. */
    private static List<Integer> list(Extent extent) {
        return List.of(extent.x(), extent.y(), extent.z());
    }

    /** The extent of a JSON list [x, y, z]. */
    private static Extent extent(List<Integer> xyz) {
        return new Extent(xyz.get(0), xyz.get(1), xyz.get(2));
    }
}
