package org.voxseg.data.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.voxseg.data.volume.Volume;

/**
 * Reads NIfTI-1 and NIfTI-2 files, plain or gzip-compressed (recognised by content, not by name), in either byte
 * order. Voxel data streams through a small buffer straight into the float32 destination, with scl_slope and
 * scl_inter applied, so a volume never needs more than its own float array in memory.
 */
public final class NiftiReader {

    /** Bytes decoded per step: large enough to amortise stream calls, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 1 << 18;
    private static final int STREAM_BUFFER_BYTES = 1 << 16;

    private NiftiReader() {
    }

    /** An image as read: its header and its voxels (4-D images as channels). */
    public record NiftiImage(NiftiHeader header, Volume volume) {
    }

    /**
     * Reads the header alone (decompressing only its first bytes).
     *
     * @throws NiftiFormatException if the file is not NIfTI or its header is invalid or unsupported
     * @throws IOException if the file cannot be read
     */
    public static NiftiHeader readHeader(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readHeader(file, in);
        } catch (ZipException | EOFException e) {
            throw compressedStreamError(file, e);
        }
    }

    /**
     * Reads header and voxels; dimensions after the third become channels.
     *
     * @throws NiftiFormatException if the file is not NIfTI, its header is invalid or unsupported, or it is truncated
     * @throws IOException if the file cannot be read
     */
    public static NiftiImage read(Path file) throws IOException {
        NiftiHeader header = readHeader(file);
        float[] data = new float[Math.toIntExact(header.voxelCount())];
        readInto(file, data, 0);
        return new NiftiImage(header, Volume.wrap(header.geometry(), header.channelCount(), data));
    }

    /**
     * Streams all voxels of {@code file}, scaled, into {@code dst} from {@code offset}, so that several files (the
     * modalities of a case) can fill one array without intermediate copies.
     *
     * @return the file's header
     * @throws IllegalArgumentException if {@code dst} has no room for the file's voxels from {@code offset}
     * @throws NiftiFormatException if the file is not NIfTI, its header is invalid or unsupported, or it is truncated
     * @throws IOException if the file cannot be read
     */
    public static NiftiHeader readInto(Path file, float[] dst, int offset) throws IOException {
        try (InputStream in = open(file)) {
            NiftiHeader header = readHeader(file, in);
            long voxels = header.voxelCount();
            if (offset < 0 || offset + voxels > dst.length) {
                throw new IllegalArgumentException(file + ": " + voxels + " voxels do not fit an array of "
                        + dst.length + " from offset " + offset);
            }
            if (!(in instanceof GZIPInputStream)) {
                checkFileLength(file, header);
            }
            skipTo(file, in, header);
            readVoxels(file, in, header, dst, offset);
            return header;
        } catch (ZipException | EOFException e) {
            throw compressedStreamError(file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER_BYTES);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, STREAM_BUFFER_BYTES);
        }
        return in;
    }

    private static NiftiHeader readHeader(Path file, InputStream in) throws IOException {
        byte[] first4 = in.readNBytes(4);
        if (first4.length < 4) {
            throw new NiftiFormatException(file,
                    "not a NIfTI file: " + first4.length + " bytes, shorter than a header");
        }
        NiftiHeaderCodec.Layout layout = NiftiHeaderCodec.detect(file, first4);
        byte[] bytes = new byte[layout.headerBytes()];
        System.arraycopy(first4, 0, bytes, 0, 4);
        int read = in.readNBytes(bytes, 4, bytes.length - 4);
        if (read < bytes.length - 4) {
            throw new NiftiFormatException(file, "truncated header: " + (read + 4) + " of " + bytes.length + " bytes");
        }
        return NiftiHeaderCodec.decode(file, bytes, layout);
    }

    /** For an uncompressed file, refuses a short file before reading any voxel. */
    private static void checkFileLength(Path file, NiftiHeader header) throws IOException {
        long needed = header.voxOffset() + header.dataBytes();
        long size = Files.size(file);
        if (size < needed) {
            throw truncated(file, header, Math.max(0, size - header.voxOffset()));
        }
    }

    private static void skipTo(Path file, InputStream in, NiftiHeader header) throws IOException {
        long headerBytes = header.version() == 1 ? NiftiHeaderCodec.NIFTI1_HEADER_BYTES
                : NiftiHeaderCodec.NIFTI2_HEADER_BYTES;
        try {
            in.skipNBytes(header.voxOffset() - headerBytes);
        } catch (EOFException e) {
            throw new NiftiFormatException(file, "truncated data: the file ends before vox_offset "
                    + header.voxOffset());
        }
    }

    private static void readVoxels(Path file, InputStream in, NiftiHeader header, float[] dst, int offset)
            throws IOException {
        NiftiDataType type = header.datatype();
        int voxelsPerChunk = CHUNK_BYTES / type.bytes();
        byte[] chunk = new byte[voxelsPerChunk * type.bytes()];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(header.byteOrder());
        long total = header.voxelCount();
        long done = 0;
        while (done < total) {
            int count = (int) Math.min(voxelsPerChunk, total - done);
            int bytes = count * type.bytes();
            int got = in.readNBytes(chunk, 0, bytes);
            if (got < bytes) {
                throw truncated(file, header, done * type.bytes() + got);
            }
            type.decode(view, dst, offset + (int) done, count);
            done += count;
        }
        if (header.hasScaling()) {
            scale(dst, offset, (int) total, header.scaleSlope(), header.scaleIntercept());
        }
    }

    /** GZIPInputStream reports corrupt data as ZipException and a stream cut short as EOFException. */
    private static NiftiFormatException compressedStreamError(Path file, IOException e) {
        String problem = e instanceof EOFException ? "truncated data: the gzip stream ends early"
                : "corrupt gzip data";
        return new NiftiFormatException(file, problem + " (" + e.getMessage() + ")", e);
    }

    private static void scale(float[] data, int offset, int count, double slope, double intercept) {
        for (int i = offset; i < offset + count; i++) {
            data[i] = (float) (data[i] * slope + intercept);
        }
    }

    private static NiftiFormatException truncated(Path file, NiftiHeader header, long got) {
        return new NiftiFormatException(file, "truncated data: " + header.dataBytes() + " bytes of voxel data expected"
                + " after vox_offset " + header.voxOffset() + ", " + got + " found");
    }
}
