package org.voxseg.data.geometry;

import java.util.Objects;

/**
 * The voxel grid of a volume: its shape, voxel spacing and voxel-to-world transform, together with the header
 * orientation fields (qform and sform with their codes, units) needed to write a file that overlays the original.
 *
 * <p>The affine that places voxels in the world follows NIfTI: the sform if its code is positive, else the qform if
 * its code is positive, else a scaling by the spacing. Instances are immutable.
 */
public final class Geometry {

    /** NIfTI's xform code 1, "scanner anatomical": used for geometries made from an affine alone. */
    public static final int XFORM_SCANNER_ANAT = 1;
    /** NIfTI's xyzt_units for millimetres and seconds. */
    public static final int UNITS_MM_SEC = 2 | 8;

    private final Extent shape;
    private final Spacing spacing;
    private final Affine qform;
    private final int qformCode;
    private final Affine sform;
    private final int sformCode;
    private final int xyztUnits;
    private final Affine affine;

    private Geometry(Builder b) {
        this.shape = GridChecks.checkShape(b.shape);
        this.spacing = Objects.requireNonNull(b.spacing, "spacing");
        this.qform = Objects.requireNonNull(b.qform, "qform");
        this.sform = Objects.requireNonNull(b.sform, "sform");
        this.qformCode = b.qformCode;
        this.sformCode = b.sformCode;
        this.xyztUnits = b.xyztUnits;
        this.affine = sformCode > 0 ? sform : qformCode > 0 ? qform
                : Affine.diagonal(spacing.x(), spacing.y(), spacing.z());
    }

    /**
     * A geometry defined by an affine alone: spacing from the affine's column lengths, qform and sform both set to
     * the affine with code "scanner anatomical", units millimetres.
     */
    public static Geometry of(Extent shape, Affine affine) {
        return builder().shape(shape).spacing(new Spacing(affine.columnNorm(0), affine.columnNorm(1),
                affine.columnNorm(2))).qform(affine, XFORM_SCANNER_ANAT).sform(affine, XFORM_SCANNER_ANAT).build();
    }

    /** A builder for geometries read from a header. */
    public static Builder builder() {
        return new Builder();
    }

    /** (nx, ny, nz): the number of voxels along each axis, nx fastest in memory. */
    public Extent shape() {
        return shape;
    }

    /** The number of voxels along {@code axis} (0 to 2). */
    public int size(int axis) {
        return shape.get(axis);
    }

    /** The number of voxels: nx * ny * nz. */
    public int voxelCount() {
        return (int) shape.voxels();
    }

    /** The voxel size along each axis, in the header's spatial unit (usually millimetres). */
    public Spacing spacing() {
        return spacing;
    }

    /** The voxel-to-world transform in use: sform, qform or spacing, by the header's codes. */
    public Affine affine() {
        return affine;
    }

    /** Where each voxel axis points, e.g. {@code RAS}: the {@linkplain Affine#axisCodes() axis codes} of the affine. */
    public String axisCodes() {
        return affine.axisCodes();
    }

    /** The qform as a matrix (meaningful to readers only when {@link #qformCode()} is positive). */
    public Affine qform() {
        return qform;
    }

    /** NIfTI's qform_code: 0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI. */
    public int qformCode() {
        return qformCode;
    }

    /** The sform matrix (meaningful to readers only when {@link #sformCode()} is positive). */
    public Affine sform() {
        return sform;
    }

    /** NIfTI's sform_code: 0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI. */
    public int sformCode() {
        return sformCode;
    }

    /** NIfTI's xyzt_units byte (spatial unit in bits 0-2, temporal unit in bits 3-5). */
    public int xyztUnits() {
        return xyztUnits;
    }

    /**
     * The geometry of a grid derived from this one by an axis-aligned index mapping (a crop, pad or resampling):
     * index {@code p} of the new grid lies at index {@code scale * p + offset} of this one. qform and sform are both
     * composed with the mapping and the spacing scaled, so every new voxel centre keeps its world position; codes
     * and units are kept.
     *
     * @throws IllegalArgumentException if a scale is not positive or the new shape is not positive
     */
    public Geometry mapped(Extent newShape, Vector3 scale, Vector3 offset) {
        if (!(scale.x() > 0 && scale.y() > 0 && scale.z() > 0)) {
            throw new IllegalArgumentException("index scale must be positive: " + scale);
        }
        Affine mapping = Affine.fromRows(new double[] {scale.x(), 0, 0, offset.x()},
                new double[] {0, scale.y(), 0, offset.y()}, new double[] {0, 0, scale.z(), offset.z()});
        return builder()
                .shape(newShape)
                .spacing(new Spacing(spacing.x() * scale.x(), spacing.y() * scale.y(), spacing.z() * scale.z()))
                .qform(qform.compose(mapping), qformCode)
                .sform(sform.compose(mapping), sformCode)
                .xyztUnits(xyztUnits)
                .build();
    }

    /**
     * This geometry on a grid of {@code newShape} voxels whose index p lies at old index {@code indexMap(p)}, where
     * {@code indexMap} may permute and flip axes: the affines compose with it, the spacing follows the axes.
     */
    public Geometry reindexed(Extent newShape, Affine indexMap) {
        double[] newSpacing = new double[3];
        for (int d = 0; d < 3; d++) {
            for (int old = 0; old < 3; old++) {
                if (indexMap.get(old, d) != 0) {
                    newSpacing[d] = spacing.get(old) * Math.abs(indexMap.get(old, d));
                }
            }
        }
        return builder()
                .shape(newShape)
                .spacing(Spacing.of(newSpacing))
                .qform(qform.compose(indexMap), qformCode)
                .sform(sform.compose(indexMap), sformCode)
                .xyztUnits(xyztUnits)
                .build();
    }

    /** The world coordinates of the centre of voxel (i, j, k). */
    public Vector3 indexToWorld(double i, double j, double k) {
        return Vector3.of(affine.apply(i, j, k));
    }

    /** The (fractional) voxel index at world position (x, y, z). */
    public Vector3 worldToIndex(double x, double y, double z) {
        return Vector3.of(affine.inverse().apply(x, y, z));
    }

    /** The shape as "nx x ny x nz". */
    public String shapeText() {
        return shape.x() + "x" + shape.y() + "x" + shape.z();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && shape.equals(g.shape) && spacing.equals(g.spacing)
                && qform.equals(g.qform) && qformCode == g.qformCode && sform.equals(g.sform)
                && sformCode == g.sformCode && xyztUnits == g.xyztUnits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, spacing, qform, qformCode, sform, sformCode,
                xyztUnits);
    }

    @Override
    public String toString() {
        return "Geometry[shape=" + shapeText() + ", spacing=" + spacing + ", affine=" + affine
                + ", qform_code=" + qformCode + ", sform_code=" + sformCode + "]";
    }

    /** Collects the fields of a {@link Geometry}; qform and sform default to the identity with code 0. */
    public static final class Builder {
        private Extent shape;
        private Spacing spacing = new Spacing(1, 1, 1);
        private Affine qform = Affine.identity();
        private int qformCode;
        private Affine sform = Affine.identity();
        private int sformCode;
        private int xyztUnits = UNITS_MM_SEC;

        private Builder() {
        }

        /** (nx, ny, nz). */
        public Builder shape(Extent shape) {
            this.shape = shape;
            return this;
        }

        /** Voxel size along each axis; defaults to 1. */
        public Builder spacing(Spacing spacing) {
            this.spacing = spacing;
            return this;
        }

        /** The qform matrix and its code. */
        public Builder qform(Affine matrix, int code) {
            this.qform = matrix;
            this.qformCode = code;
            return this;
        }

        /** The sform matrix and its code. */
        public Builder sform(Affine matrix, int code) {
            this.sform = matrix;
            this.sformCode = code;
            return this;
        }

        /** NIfTI's xyzt_units byte; defaults to millimetres and seconds. */
        public Builder xyztUnits(int units) {
            this.xyztUnits = units;
            return this;
        }

        /**
         * The geometry.
         *
         * @throws IllegalArgumentException if the shape or spacing is not positive
         * @throws ArithmeticException if the voxel count overflows an int
         */
        public Geometry build() {
            return new Geometry(this);
        }
    }
}
