package org.voxseg.data.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
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
 * @param key the {@link CacheKey} of the inputs and settings the entry was built from
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
        LabelType labelType, int[] labelValues, int[] labelCounts, Section image, Section labels,
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
    record GeometryData(int[] shape, double[] spacing, double[][] qform, int qformCode, double[][] sform,
            int sformCode, int xyztUnits) {

        static GeometryData of(Geometry g) {
            return new GeometryData(g.shape(), g.spacing(), rows(g.qform()), g.qformCode(), rows(g.sform()),
                    g.sformCode(), g.xyztUnits());
        }

        Geometry toGeometry() {
            return Geometry.builder().shape(shape).spacing(spacing)
                    .qform(Affine.fromRows(qform[0], qform[1], qform[2]), qformCode)
                    .sform(Affine.fromRows(sform[0], sform[1], sform[2]), sformCode)
                    .xyztUnits(xyztUnits).build();
        }

        private static double[][] rows(Affine a) {
            return new double[][] {a.row(0), a.row(1), a.row(2)};
        }
    }

    /** A {@link GridStep}: its type and its two int triples (crop start/size, pad before/after, resample shape). */
    record StepData(String type, int[] first, int[] second) {

        static StepData of(GridStep step) {
            if (step instanceof Crop c) {
                return new StepData("crop", c.start().toArray(), c.size().toArray());
            }
            if (step instanceof Pad p) {
                return new StepData("pad", p.before().toArray(), p.after().toArray());
            }
            if (step instanceof Resample r) {
                return new StepData("resample", r.shape().toArray(), null);
            }
            throw new IllegalArgumentException("the cache keeps voxseg's own grid steps; MONAI's spacing grid is for "
                    + "imported models, which are not trained");
        }

        GridStep toStep() throws IOException {
            return switch (type) {
                case "crop" -> new Crop(first, second);
                case "pad" -> new Pad(first, second);
                case "resample" -> new Resample(first);
                default -> throw new IOException("unknown grid step " + type);
            };
        }
    }
}
