package org.voxseg.data.nifti;

import static org.voxseg.data.nifti.NiftiHeaderCodec.NIFTI1_DATA_OFFSET;
import static org.voxseg.data.nifti.NiftiHeaderCodec.NIFTI1_HEADER_BYTES;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes NIfTI-1 single-file headers, the form voxseg writes; kept apart from {@link NiftiHeaderCodec}'s decoding,
 * which validates the many variants readers meet. Field offsets are those of nifti1.h.
 */
final class NiftiHeaderEncoder {

    private NiftiHeaderEncoder() {
    }

    /** The 352-byte NIfTI-1 single-file header for {@code h}, with an empty extension flag. */
    static byte[] encodeNifti1(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(NIFTI1_DATA_OFFSET).order(h.byteOrder());
        long[] dims = h.dims();
        b.putInt(0, NIFTI1_HEADER_BYTES);
        b.put(38, (byte) 'r');
        b.putShort(40, (short) dims.length);
        for (int d = 0; d < 7; d++) {
            long n = d < dims.length ? dims[d] : 1;
            if (n > Short.MAX_VALUE) {
                throw new IllegalArgumentException("dim[" + (d + 1) + "] = " + n + " does not fit a NIfTI-1 header");
            }
            b.putShort(42 + 2 * d, (short) n);
        }
        b.putShort(68, (short) h.intentCode());
        b.putShort(70, (short) h.datatype().code());
        b.putShort(72, (short) h.datatype().bitsPerVoxel());
        double[] pixdim = h.pixdim();
        for (int d = 0; d < 8; d++) {
            b.putFloat(76 + 4 * d, (float) pixdim[d]);
        }
        b.putFloat(108, NIFTI1_DATA_OFFSET);
        b.putFloat(112, (float) h.sclSlope());
        b.putFloat(116, (float) h.sclInter());
        b.put(123, (byte) h.xyztUnits());
        putText(b, 148, 80, h.description());
        b.putShort(252, (short) h.qformCode());
        b.putShort(254, (short) h.sformCode());
        double[] quaternion = h.quaternion();
        double[] qoffset = h.qoffset();
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) quaternion[i]);
            b.putFloat(268 + 4 * i, (float) qoffset[i]);
        }
        for (int r = 0; r < 3; r++) {
            double[] row = h.sform().row(r);
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) row[c]);
            }
        }
        putText(b, 328, 16, h.intentName());
        putText(b, 344, 4, "n+1");
        return b.array();
    }

    private static void putText(ByteBuffer b, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(bytes.length, length - 1);
        for (int i = 0; i < n; i++) {
            b.put(offset + i, bytes[i]);
        }
    }
}
