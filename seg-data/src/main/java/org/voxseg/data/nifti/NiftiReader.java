package org.voxseg.data.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.voxseg.data.io.InputFiles;
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
     * Reads header and voxels; dimensions after the third become channels. The declared size is checked before the
     * voxel array is allocated: against the file's length (for gzip, the most its compressed bytes can inflate to)
     * and against the maximum heap.
     *
     * @throws NiftiFormatException if the file is not NIfTI, its header is invalid or unsupported, it is truncated
     *     or its gzip data is corrupt, or its voxels would need more than the maximum heap as float32
     * @throws IOException if the file cannot be read
     */
    public static NiftiImage read(Path file) throws IOException {
        return read(file, Runtime.getRuntime().maxMemory());
    }

    /** {@link #read(Path)} with {@code maxHeapBytes} in place of the JVM's maximum heap. */
    static NiftiImage read(Path file, long maxHeapBytes) throws IOException {
        try (InputStream in = open(file)) {
            NiftiHeader header = readHeader(file, in);
            NiftiSizeChecks.declaredSize(file, header, in instanceof GZIPInputStream);
            NiftiSizeChecks.heap(file, header, maxHeapBytes);
            float[] data = new float[Math.toIntExact(header.voxelCount())];
            readData(file, in, header, data, 0);
            return new NiftiImage(header, Volume.wrap(header.geometry(), header.channelCount(), data));
        } catch (ZipException | EOFException e) {
            throw compressedStreamError(file, e);
        }
    }

    /**
     * Streams all voxels of {@code file}, scaled, into {@code dst} from {@code offset}, so that several files (the
     * modalities of a case) can fill one array without intermediate copies.
     *
     * @return the file's header
     * @throws IllegalArgumentException if {@code dst} has no room for the file's voxels from {@code offset}
     * @throws NiftiFormatException if the file is not NIfTI, its header is invalid or unsupported, it is truncated
     *     or its gzip data is corrupt
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
            NiftiSizeChecks.declaredSize(file, header, in instanceof GZIPInputStream);
            readData(file, in, header, dst, offset);
            return header;
        } catch (ZipException | EOFException e) {
            throw compressedStreamError(file, e);
        }
    }

    /**
     * Refuses {@code file} if it cannot hold the data {@code header} (its own header, from {@link #readHeader})
     * declares, as {@link #read} does before allocating; for callers that allocate from the header alone.
     *
     * @throws NiftiFormatException if the file is too short, or too small a gzip file, for the declared data
     * @throws IOException if the file cannot be read
     */
    public static void checkSize(Path file, NiftiHeader header) throws IOException {
        try (InputStream in = open(file)) {
            NiftiSizeChecks.declaredSize(file, header, in instanceof GZIPInputStream);
        } catch (ZipException | EOFException e) {
            throw compressedStreamError(file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(InputFiles.open(file), STREAM_BUFFER_BYTES);
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

    private static void readData(Path file, InputStream in, NiftiHeader header, float[] dst, int offset)
            throws IOException {
        skipTo(file, in, header);
        byte[] chunk = readVoxels(file, in, header, dst, offset);
        if (in instanceof GZIPInputStream) {
            readToEnd(in, chunk);
        }
    }

    /**
     * Reads a gzip stream to its end, discarding any bytes after the voxels: GZIPInputStream checks a member's CRC32
     * and length trailer only when it reaches the member's end, so stopping after the voxels would accept corrupt
     * data.
     */
    private static void readToEnd(InputStream in, byte[] buffer) throws IOException {
        while (in.read(buffer) >= 0) {
            // discarded
        }
    }

    /** Returns its chunk buffer, for reuse. */
    private static byte[] readVoxels(Path file, InputStream in, NiftiHeader header, float[] dst, int offset)
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
        return chunk;
    }

    /**
     * GZIPInputStream reports corrupt data as ZipException (a CRC32 or length mismatch as "Corrupt GZIP trailer") and
     * a stream cut short as EOFException, sometimes without a message.
     */
    private static NiftiFormatException compressedStreamError(Path file, IOException e) {
        String problem;
        if (e instanceof EOFException) {
            problem = "truncated data: the gzip stream ends early";
        } else if ("Corrupt GZIP trailer".equals(e.getMessage())) {
            problem = "corrupt gzip data: the CRC32 or length in the gzip trailer does not match the data";
        } else {
            problem = "corrupt gzip data";
        }
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return new NiftiFormatException(file, problem + detail, e);
    }

    private static void scale(float[] data, int offset, int count, double slope, double intercept) {
        for (int i = offset; i < offset + count; i++) {
            data[i] = (float) (data[i] * slope + intercept);
        }
    }

    private static NiftiFormatException truncated(Path file, NiftiHeader header, long got) {
        return new NiftiFormatException(file, NiftiSizeChecks.truncatedText(header, got));
    }
}
