package org.voxseg.data.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes NIfTI-1 and NIfTI-2 headers from bytes, validating every field that decides how voxels are read
 * ({@link NiftiHeaderEncoder} writes them). Field offsets are those of nifti1.h and nifti2.h.
 */
final class NiftiHeaderCodec {

    static final int NIFTI1_HEADER_BYTES = 348;
    static final int NIFTI2_HEADER_BYTES = 540;
    /** A single-file NIfTI-1 header plus its four extension-flag bytes: where voxel data starts when we write. */
    static final int NIFTI1_DATA_OFFSET = 352;
    /** The largest voxel count a Java float array holds. */
    static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    private NiftiHeaderCodec() {
    }

    /** The version, byte order and header length announced by the first four bytes (sizeof_hdr). */
    record Layout(int version, ByteOrder byteOrder, int headerBytes) {
    }

    static Layout detect(Path file, byte[] first4) throws NiftiFormatException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = ByteBuffer.wrap(first4).order(order).getInt(0);
            if (size == NIFTI1_HEADER_BYTES) {
                return new Layout(1, order, NIFTI1_HEADER_BYTES);
            }
            if (size == NIFTI2_HEADER_BYTES) {
                return new Layout(2, order, NIFTI2_HEADER_BYTES);
            }
        }
        throw new NiftiFormatException(file, "not a NIfTI file: sizeof_hdr is "
                + ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                + ", expected 348 (NIfTI-1) or 540 (NIfTI-2)");
    }

    static NiftiHeader decode(Path file, byte[] bytes, Layout layout) throws NiftiFormatException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(layout.byteOrder());
        return layout.version() == 1 ? decodeNifti1(file, buf) : decodeNifti2(file, buf);
    }

    private static NiftiHeader decodeNifti1(Path file, ByteBuffer b) throws NiftiFormatException {
        checkMagic(file, text(b, 344, 4), "n+1", "ni1");
        int rank = b.getShort(40);
        checkRank(file, rank);
        long[] dims = new long[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = b.getShort(42 + 2 * d);
        }
        double[] pixdim = new double[8];
        for (int d = 0; d < 8; d++) {
            pixdim[d] = b.getFloat(76 + 4 * d);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        return finish(file, NiftiHeader.builder()
                .version(1)
                .dims(dims)
                .datatype(datatype(file, b.getShort(70)))
                .pixdim(pixdim)
                .voxOffset(voxOffset(file, b.getFloat(108), NIFTI1_HEADER_BYTES))
                .scaling(b.getFloat(112), b.getFloat(116))
                .xyztUnits(b.get(123) & 0xFF)
                .description(text(b, 148, 80))
                .intent(b.getShort(68), text(b, 328, 16)),
                b.order(), b.getShort(252), b.getShort(254),
                new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow);
    }

    private static NiftiHeader decodeNifti2(Path file, ByteBuffer b) throws NiftiFormatException {
        checkMagic(file, text(b, 4, 3), "n+2", "ni2");
        long rank = b.getLong(16);
        checkRank(file, rank);
        long[] dims = new long[(int) rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = b.getLong(24 + 8 * d);
        }
        double[] pixdim = new double[8];
        for (int d = 0; d < 8; d++) {
            pixdim[d] = b.getDouble(104 + 8 * d);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        return finish(file, NiftiHeader.builder()
                .version(2)
                .dims(dims)
                .datatype(datatype(file, b.getShort(12)))
                .pixdim(pixdim)
                .voxOffset(voxOffset(file, b.getLong(168), NIFTI2_HEADER_BYTES))
                .scaling(b.getDouble(176), b.getDouble(184))
                .xyztUnits(b.getInt(500))
                .description(text(b, 240, 80))
                .intent(b.getInt(504), text(b, 508, 16)),
                b.order(), b.getInt(344), b.getInt(348),
                new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow);
    }

    /** Checks dims and the orientation fields common to both versions, then builds the header. */
    private static NiftiHeader finish(Path file, NiftiHeaderBuilder builder, ByteOrder order, int qformCode,
            int sformCode, double[] quaternion, double[] qoffset, double[][] srow) throws NiftiFormatException {
        NiftiHeader draft = builder.build();
        checkDims(file, draft.dims());
        if (!allFinite(quaternion) || !allFinite(qoffset)) {
            if (qformCode > 0) {
                throw new NiftiFormatException(file, "quatern_b/c/d or qoffset holds a non-finite value "
                        + Arrays.toString(quaternion) + " " + Arrays.toString(qoffset) + " with qform_code "
                        + qformCode);
            }
            quaternion = new double[3];
            qoffset = new double[3];
        }
        for (int r = 0; r < 3; r++) {
            if (!allFinite(srow[r])) {
                if (sformCode > 0) {
                    throw new NiftiFormatException(file, "srow_" + "xyz".charAt(r) + " holds a non-finite value "
                            + Arrays.toString(srow[r]) + " with sform_code " + sformCode);
                }
                srow = new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
            }
        }
        return builder.byteOrder(order)
                .qform(quaternion, qoffset, qformCode)
                .sform(srow, sformCode)
                .build();
    }

    private static void checkMagic(Path file, String magic, String singleFile, String pair)
            throws NiftiFormatException {
        if (magic.equals(pair)) {
            throw new NiftiFormatException(file, "magic '" + pair + "' marks a .hdr/.img pair, which voxseg does not"
                    + " read: convert it to a single .nii or .nii.gz file");
        }
        if (!magic.equals(singleFile)) {
            throw new NiftiFormatException(file, "not a NIfTI file: magic is '" + printable(magic) + "', expected '"
                    + singleFile + "'");
        }
    }

    private static void checkRank(Path file, long rank) throws NiftiFormatException {
        if (rank < 1 || rank > 7) {
            throw new NiftiFormatException(file, "dim[0] is " + rank + ", must be 1 to 7");
        }
    }

    private static void checkDims(Path file, long[] dims) throws NiftiFormatException {
        long voxels = 1;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] < 1) {
                throw new NiftiFormatException(file, "dim[" + (d + 1) + "] is " + dims[d] + ", must be positive");
            }
            voxels = dims[d] > MAX_VOXELS ? MAX_VOXELS + 1 : voxels * dims[d];
            if (voxels > MAX_VOXELS) {
                throw new NiftiFormatException(file, "size overflow: dims " + Arrays.toString(dims)
                        + " hold more than " + MAX_VOXELS + " voxels");
            }
        }
    }

    private static NiftiDataType datatype(Path file, int code) throws NiftiFormatException {
        return NiftiDataType.fromCode(code).orElseThrow(() -> new NiftiFormatException(file,
                "datatype " + NiftiDataType.describeCode(code) + " is not supported (voxseg reads uint8, int8,"
                        + " int16, uint16, int32, uint32, int64, uint64, float32 and float64)"));
    }

    private static long voxOffset(Path file, double offset, int headerBytes) throws NiftiFormatException {
        if (!(offset >= headerBytes) || offset > Long.MAX_VALUE || offset != Math.rint(offset)) {
            throw new NiftiFormatException(file, "vox_offset is " + offset + ", must be a whole number of at least "
                    + headerBytes + " (the header length)");
        }
        return (long) offset;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** A NUL-terminated ASCII field. */
    private static String text(ByteBuffer b, int offset, int length) {
        int end = 0;
        while (end < length && b.get(offset + end) != 0) {
            end++;
        }
        return new String(b.array(), offset, end, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format(Locale.ROOT, "\\x%02x", (int) ch));
        }
        return out.toString();
    }
}
