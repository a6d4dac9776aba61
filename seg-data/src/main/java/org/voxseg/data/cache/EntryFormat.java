package org.voxseg.data.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The layout of a cache file: the magic, the metadata's byte length (int32) and the {@link EntryMetadata} as JSON;
 * then the image (float32), the label map ({@link org.voxseg.data.volume.LabelType}) and the foreground locations
 * (int32), each section starting on a multiple of 64 bytes, all little-endian; then the CRC32 of every byte before it
 * (int64). The sections are mapped in place, so nothing is parsed or copied voxel by voxel when an entry is opened.
 */
final class EntryFormat {

    /** The magic of this format. */
    static final byte[] MAGIC = "VOXSEGC2".getBytes(StandardCharsets.US_ASCII);
    /** The magic of the previous, streamed float32 format: such a file is stale, not corrupt. */
    static final byte[] OLD_MAGIC = "VOXSEGC1".getBytes(StandardCharsets.US_ASCII);
    /** Bytes before the JSON: the magic and the metadata length. */
    static final int PREAMBLE_BYTES = MAGIC.length + Integer.BYTES;
    /** Bytes of the trailing checksum. */
    static final int CRC_BYTES = Long.BYTES;
    /** The longest metadata accepted when reading; a longer one means a corrupt length. */
    static final int MAX_METADATA_BYTES = 1 << 20;
    /** Every section starts on a multiple of this, for aligned access to the mapped values. */
    static final int ALIGNMENT = 64;
    static final ObjectMapper JSON = new ObjectMapper();

    private EntryFormat() {
    }

    /** {@code position} rounded up to the next multiple of {@link #ALIGNMENT}. */
    static long align(long position) {
        return (position + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
