package org.voxseg.data.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.volume.Volume;

/**
 * Writes volumes as single-file NIfTI-1, gzip-compressed when the name ends in {@code .gz}. The header carries the
 * volume's geometry: its sform and qform codes, the sform rows, and the qform as the quaternion nearest the
 * geometry's qform matrix, so the file overlays the one it came from. Files appear atomically (see
 * {@link AtomicFiles}). Instances are immutable; {@code with...} methods return changed copies.
 */
public final class NiftiWriter {

    private static final int CHUNK_VOXELS = 1 << 16;
    private static final int STREAM_BUFFER_BYTES = 1 << 16;

    private final NiftiDataType datatype;
    private final ByteOrder byteOrder;
    private final String description;

    private NiftiWriter(NiftiDataType datatype, ByteOrder byteOrder, String description) {
        this.datatype = Objects.requireNonNull(datatype, "datatype");
        this.byteOrder = Objects.requireNonNull(byteOrder, "byteOrder");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A little-endian writer of {@code datatype} voxels (float32 for images, int16 or uint8 for labels). */
    public static NiftiWriter of(NiftiDataType datatype) {
        return new NiftiWriter(datatype, ByteOrder.LITTLE_ENDIAN, "voxseg");
    }

    /** This writer with another byte order. */
    public NiftiWriter withByteOrder(ByteOrder order) {
        return new NiftiWriter(datatype, order, description);
    }

    /** This writer with another header description (descrip, at most 79 ASCII characters kept). */
    public NiftiWriter withDescription(String text) {
        return new NiftiWriter(datatype, byteOrder, text);
    }

    /**
     * Writes {@code volume} to {@code file}; a multi-channel volume becomes a 4-D image.
     *
     * @throws IllegalArgumentException if a value does not fit the datatype (integer types are rounded first;
     *     NaN fits only float types), or a dimension exceeds NIfTI-1's 32767; nothing is written then
     * @throws IOException if the file cannot be written; a previous file of that name is left as it was
     */
    public void write(Volume volume, Path file) throws IOException {
        NiftiHeader header = headerFor(volume);
        byte[] headerBytes = NiftiHeaderEncoder.encodeNifti1(header);
        AtomicFiles.write(file, raw -> {
            OutputStream out = isGzipName(file) ? new FastGzipOutputStream(raw) : raw;
            OutputStream buffered = new BufferedOutputStream(out, STREAM_BUFFER_BYTES);
            buffered.write(headerBytes);
            writeVoxels(volume, buffered);
            buffered.flush();
            if (out instanceof GZIPOutputStream gzip) {
                gzip.finish();
            }
        });
    }

    /** The header {@link #write} puts in front of {@code volume}'s voxels. */
    public NiftiHeader headerFor(Volume volume) {
        Geometry g = volume.geometry();
        int[] shape = g.shape().toArray();
        long[] dims = volume.channels() == 1
                ? new long[] {shape[0], shape[1], shape[2]}
                : new long[] {shape[0], shape[1], shape[2], volume.channels()};
        QuaternionForm q = QuaternionForm.fromMatrix(g.qform());
        double[] spacing = g.spacing().toArray();
        double[] pixdim = {q.qfac(), spacing[0], spacing[1], spacing[2], 1, 1, 1, 1};
        return NiftiHeader.builder()
                .byteOrder(byteOrder)
                .dims(dims)
                .datatype(datatype)
                .pixdim(pixdim)
                .voxOffset(NiftiHeaderCodec.NIFTI1_DATA_OFFSET)
                .scaling(1, 0)
                .qform(new double[] {q.b(), q.c(), q.d()}, q.offset().toArray(), g.qformCode())
                .sform(new double[][] {g.sform().row(0), g.sform().row(1), g.sform().row(2)}, g.sformCode())
                .xyztUnits(g.xyztUnits())
                .description(description)
                .build();
    }

    private void writeVoxels(Volume volume, OutputStream out) throws IOException {
        float[] values = new float[CHUNK_VOXELS];
        byte[] bytes = new byte[CHUNK_VOXELS * datatype.bytes()];
        ByteBuffer view = ByteBuffer.wrap(bytes).order(byteOrder);
        FloatBuffer data = volume.data();
        int total = data.remaining();
        for (int done = 0; done < total; done += CHUNK_VOXELS) {
            int count = Math.min(CHUNK_VOXELS, total - done);
            data.get(done, values, 0, count);
            datatype.encode(values, count, view, done);
            out.write(bytes, 0, count * datatype.bytes());
        }
    }

    private static boolean isGzipName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** gzip at the fastest level, as nibabel writes by default: compression barely differs on medical images. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, STREAM_BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
