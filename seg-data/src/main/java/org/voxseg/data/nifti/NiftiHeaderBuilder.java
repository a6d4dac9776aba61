package org.voxseg.data.nifti;

import java.nio.ByteOrder;
import org.voxseg.data.geometry.Geometry;

/** Collects header fields; see the accessors of {@link NiftiHeader} for their meaning. */
public final class NiftiHeaderBuilder {
    int version = 1;
    ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    long[] dims = {1, 1, 1};
    NiftiDataType datatype = NiftiDataType.FLOAT32;
    double[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
    long voxOffset = 352;
    double sclSlope = 1;
    double sclInter;
    int qformCode;
    int sformCode;
    double[] quatern = new double[3];
    double[] qoffset = new double[3];
    double[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    int xyztUnits = Geometry.UNITS_MM_SEC;
    int intentCode;
    String intentName = "";
    String description = "";

    NiftiHeaderBuilder() {
    }

    public NiftiHeaderBuilder version(int version) {
        this.version = version;
        return this;
    }

    public NiftiHeaderBuilder byteOrder(ByteOrder byteOrder) {
        this.byteOrder = byteOrder;
        return this;
    }

    public NiftiHeaderBuilder dims(long[] dims) {
        this.dims = dims.clone();
        return this;
    }

    public NiftiHeaderBuilder datatype(NiftiDataType datatype) {
        this.datatype = datatype;
        return this;
    }

    /** All eight pixdim values, pixdim[0] being qfac. */
    public NiftiHeaderBuilder pixdim(double[] pixdim) {
        if (pixdim.length != 8) {
            throw new IllegalArgumentException("pixdim has 8 values, not " + pixdim.length);
        }
        this.pixdim = pixdim.clone();
        return this;
    }

    public NiftiHeaderBuilder voxOffset(long voxOffset) {
        this.voxOffset = voxOffset;
        return this;
    }

    public NiftiHeaderBuilder scaling(double slope, double intercept) {
        this.sclSlope = slope;
        this.sclInter = intercept;
        return this;
    }

    /** The qform: quaternion (b, c, d), qoffset and its code; voxel size and qfac come from pixdim. */
    public NiftiHeaderBuilder qform(double[] quaternion, double[] offset, int code) {
        this.quatern = quaternion.clone();
        this.qoffset = offset.clone();
        this.qformCode = code;
        return this;
    }

    /** The sform rows srow_x, srow_y, srow_z and its code. */
    public NiftiHeaderBuilder sform(double[][] rows, int code) {
        this.srow = new double[][] {rows[0].clone(), rows[1].clone(), rows[2].clone()};
        this.sformCode = code;
        return this;
    }

    public NiftiHeaderBuilder xyztUnits(int xyztUnits) {
        this.xyztUnits = xyztUnits;
        return this;
    }

    public NiftiHeaderBuilder intent(int code, String name) {
        this.intentCode = code;
        this.intentName = name;
        return this;
    }

    public NiftiHeaderBuilder description(String description) {
        this.description = description;
        return this;
    }

    public NiftiHeader build() {
        return new NiftiHeader(this);
    }
}
