package org.voxseg.data.nifti;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.geometry.Vector3;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that decide how voxels are decoded and placed in the world.
 * Immutable; built by the reader from a file, or by the writer from a {@link Geometry}.
 */
public final class NiftiHeader {

    private final int version;
    private final ByteOrder byteOrder;
    private final long[] dims;
    private final NiftiDataType datatype;
    private final double[] pixdim;
    private final long voxOffset;
    private final double sclSlope;
    private final double sclInter;
    private final int qformCode;
    private final int sformCode;
    private final double[] quatern;
    private final double[] qoffset;
    private final double[][] srow;
    private final int xyztUnits;
    private final int intentCode;
    private final String intentName;
    private final String description;

    NiftiHeader(NiftiHeaderBuilder b) {
        this.version = b.version;
        this.byteOrder = Objects.requireNonNull(b.byteOrder, "byteOrder");
        this.dims = b.dims.clone();
        this.datatype = Objects.requireNonNull(b.datatype, "datatype");
        this.pixdim = b.pixdim.clone();
        this.voxOffset = b.voxOffset;
        this.sclSlope = b.sclSlope;
        this.sclInter = b.sclInter;
        this.qformCode = b.qformCode;
        this.sformCode = b.sformCode;
        this.quatern = b.quatern.clone();
        this.qoffset = b.qoffset.clone();
        this.srow = new double[][] {b.srow[0].clone(), b.srow[1].clone(), b.srow[2].clone()};
        this.xyztUnits = b.xyztUnits;
        this.intentCode = b.intentCode;
        this.intentName = b.intentName;
        this.description = b.description;
        if (dims.length < 1 || dims.length > 7) {
            throw new IllegalArgumentException("a NIfTI image has 1 to 7 dimensions, not " + dims.length);
        }
    }

    /** A builder with NIfTI-1, little-endian, float32 and no scaling as defaults. */
    public static NiftiHeaderBuilder builder() {
        return new NiftiHeaderBuilder();
    }

    /** 1 for NIfTI-1 (348-byte header), 2 for NIfTI-2 (540 bytes). */
    public int version() {
        return version;
    }

    /** The byte order of the header and the voxel data. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** dim[1..dim[0]]: the size of each dimension, length dim[0]. */
    public long[] dims() {
        return dims.clone();
    }

    /** The voxel datatype. */
    public NiftiDataType datatype() {
        return datatype;
    }

    /** pixdim[0..7] as stored; pixdim[0] is qfac, pixdim[1..3] the voxel size. */
    public double[] pixdim() {
        return pixdim.clone();
    }

    /** The byte offset of the voxel data in the (uncompressed) file. */
    public long voxOffset() {
        return voxOffset;
    }

    /** scl_slope as stored (0 or non-finite means no scaling). */
    public double sclSlope() {
        return sclSlope;
    }

    /** scl_inter as stored. */
    public double sclInter() {
        return sclInter;
    }

    /**
     * Whether stored values are scaled: scl_slope is finite and non-zero, and slope and intercept are not the
     * identity (1, 0).
     */
    public boolean hasScaling() {
        return scaleSlope() != 1 || scaleIntercept() != 0;
    }

    /** The slope applied to stored values: scl_slope, or 1 when it is 0 or not finite. */
    public double scaleSlope() {
        return sclSlope != 0 && Double.isFinite(sclSlope) ? sclSlope : 1;
    }

    /** The intercept applied to stored values: scl_inter when scaling is on and it is finite, else 0. */
    public double scaleIntercept() {
        return sclSlope != 0 && Double.isFinite(sclSlope) && Double.isFinite(sclInter) ? sclInter : 0;
    }

    /** qform_code (0 means the qform is not set). */
    public int qformCode() {
        return qformCode;
    }

    /** sform_code (0 means the sform is not set). */
    public int sformCode() {
        return sformCode;
    }

    /** The quaternion (b, c, d) of the qform. */
    public double[] quaternion() {
        return quatern.clone();
    }

    /** qoffset_x, qoffset_y, qoffset_z. */
    public double[] qoffset() {
        return qoffset.clone();
    }

    /** qfac: -1 if pixdim[0] is negative, else 1. */
    public double qfac() {
        return pixdim[0] < 0 ? -1 : 1;
    }

    /** xyzt_units: spatial unit in bits 0-2, temporal unit in bits 3-5. */
    public int xyztUnits() {
        return xyztUnits;
    }

    /** intent_code (0 for plain images). */
    public int intentCode() {
        return intentCode;
    }

    /** intent_name. */
    public String intentName() {
        return intentName;
    }

    /** descrip: the free-text description. */
    public String description() {
        return description;
    }

    /** (nx, ny, nz); a missing dimension counts as 1. */
    public int[] spatialShape() {
        int[] shape = {1, 1, 1};
        for (int d = 0; d < Math.min(3, dims.length); d++) {
            shape[d] = Math.toIntExact(dims[d]);
        }
        return shape;
    }

    /** The product of the dimensions after the third: channels of a 4-D (or higher) image, 1 for 3-D. */
    public int channelCount() {
        long count = 1;
        for (int d = 3; d < dims.length; d++) {
            count = Math.multiplyExact(count, dims[d]);
        }
        return Math.toIntExact(count);
    }

    /** The number of voxels over all dimensions. */
    public long voxelCount() {
        long count = 1;
        for (long n : dims) {
            count = Math.multiplyExact(count, n);
        }
        return count;
    }

    /** The size of the voxel data in bytes. */
    public long dataBytes() {
        return Math.multiplyExact(voxelCount(), datatype.bytes());
    }

    /** The qform as a matrix, built from the quaternion, qoffset, voxel size and qfac (whatever the code). */
    public Affine qform() {
        return quaternionForm().toMatrix();
    }

    /** The sform as a matrix (srow_x, srow_y, srow_z), whatever the code. */
    public Affine sform() {
        return Affine.fromRows(srow[0], srow[1], srow[2]);
    }

    /** The voxel-to-world transform readers use: sform if sform_code > 0, else qform if qform_code > 0, else pixdim. */
    public Affine affine() {
        return geometry().affine();
    }

    /** The grid this header describes, carrying the orientation fields needed to write a matching file. */
    public Geometry geometry() {
        return Geometry.builder()
                .shape(Extent.of(spatialShape()))
                .spacing(Spacing.of(voxelSize()))
                .qform(qform(), qformCode)
                .sform(sformCode > 0 ? sform() : Affine.identity(), sformCode)
                .xyztUnits(xyztUnits)
                .build();
    }

    QuaternionForm quaternionForm() {
        return new QuaternionForm(quatern[0], quatern[1], quatern[2], Vector3.of(qoffset), Vector3.of(voxelSize()),
                qfac());
    }

    /** pixdim[1..3], with values that are not positive and finite replaced by 1 (as nifti1_io does). */
    private double[] voxelSize() {
        double[] size = new double[3];
        for (int d = 0; d < 3; d++) {
            double p = pixdim[d + 1];
            size[d] = p > 0 && Double.isFinite(p) ? p : 1;
        }
        return size;
    }

    @Override
    public String toString() {
        return "NiftiHeader[nifti" + version + ", dims=" + Arrays.toString(dims) + ", " + datatype.label()
                + ", pixdim=" + Arrays.toString(pixdim) + ", qform_code=" + qformCode + ", sform_code=" + sformCode
                + "]";
    }
}
