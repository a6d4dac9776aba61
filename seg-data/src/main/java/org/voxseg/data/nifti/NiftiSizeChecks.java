package org.voxseg.data.nifti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The checks a NIfTI file passes before its voxels are allocated: the file can hold what its header declares, and
 * the float32 array fits the heap. A tiny file that declares a huge volume is refused in one line, not by running
 * out of memory.
 */
final class NiftiSizeChecks {

    /** Deflate's highest compression ratio (a 258-byte match in two bits): no stream inflates to more. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NiftiSizeChecks() {
    }

    /**
     * Refuses a file that cannot hold the data its header declares, before anything is allocated for it: an
     * uncompressed file shorter than vox_offset plus the voxel data, or a gzip file whose compressed bytes could not
     * inflate to that much even at deflate's highest ratio.
     */
    static void declaredSize(Path file, NiftiHeader header, boolean gzip) throws IOException {
        long needed = header.voxOffset() + header.dataBytes();
        long size = Files.size(file);
        if (!gzip && size < needed) {
            throw new NiftiFormatException(file, truncatedText(header, Math.max(0, size - header.voxOffset()))
                    + "; the header declares " + shape(header) + ", " + needed + " bytes with the header, the file"
                    + " holds " + size + " bytes");
        }
        long mostInflated = size > Long.MAX_VALUE / MAX_DEFLATE_RATIO ? Long.MAX_VALUE : size * MAX_DEFLATE_RATIO;
        if (gzip && mostInflated < needed) {
            throw new NiftiFormatException(file, "truncated data: the header declares " + shape(header) + ", "
                    + needed + " bytes with the header, but a " + size + "-byte gzip file inflates to at most "
                    + mostInflated + " (deflate's limit is " + MAX_DEFLATE_RATIO + ":1)");
        }
    }

    /** Refuses voxels whose float32 array would not fit the heap, before it is allocated. */
    static void heap(Path file, NiftiHeader header, long maxHeapBytes) throws NiftiFormatException {
        long arrayBytes = header.voxelCount() * Float.BYTES;
        if (arrayBytes > maxHeapBytes) {
            throw new NiftiFormatException(file, "too large for memory: the header declares " + shape(header) + ", "
                    + header.voxelCount() + " voxels that need " + binarySize(arrayBytes) + " as float32, more than"
                    + " the " + binarySize(maxHeapBytes) + " maximum heap (-Xmx)");
        }
    }

    private static String shape(NiftiHeader header) {
        return "dims " + Arrays.toString(header.dims()) + " " + header.datatype().label();
    }

    /** Bytes as MiB below 1 GiB, else GiB with one decimal. */
    private static String binarySize(long bytes) {
        if (bytes < 1L << 30) {
            return (bytes >> 20) + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** The message for voxel data shorter than the header declares. */
    static String truncatedText(NiftiHeader header, long got) {
        return "truncated data: " + header.dataBytes() + " bytes of voxel data expected after vox_offset "
                + header.voxOffset() + ", " + got + " found";
    }
}
