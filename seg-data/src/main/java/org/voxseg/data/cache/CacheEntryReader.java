package org.voxseg.data.cache;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.sampling.ForegroundLocations;
import org.voxseg.data.transform.PreprocessingRecord;
import org.voxseg.data.volume.LabelVolume;
import org.voxseg.data.volume.Volume;

/**
 * Opens a cache file in the {@link EntryFormat} as views of its memory-mapped sections. The checksum is verified
 * once, when the entry is opened, never per patch; the file channel is closed after mapping (the mappings stay
 * valid).
 */
final class CacheEntryReader {

    /** The largest window the checksum maps at a time. */
    private static final long CRC_WINDOW = 1L << 30;

    private CacheEntryReader() {
    }

    /**
     * The entry in {@code file}, or empty if it is stale: of the previous format, or built with another key.
     *
     * @param verify whether to check the checksum; false only for an entry this process has just written
     * @throws IOException if the file is torn or corrupt (bad magic, metadata, section layout, length or checksum)
     */
    static Optional<CachedCase> open(Path file, String key, boolean verify) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer preamble = read(channel, 0, EntryFormat.PREAMBLE_BYTES);
            byte[] magic = new byte[EntryFormat.MAGIC.length];
            preamble.get(0, magic);
            if (Arrays.equals(magic, EntryFormat.OLD_MAGIC)) {
                return Optional.empty();
            }
            if (!Arrays.equals(magic, EntryFormat.MAGIC)) {
                throw new IOException("not a voxseg cache file");
            }
            int length = preamble.getInt(EntryFormat.MAGIC.length);
            if (length < 0 || length > EntryFormat.MAX_METADATA_BYTES
                    || EntryFormat.PREAMBLE_BYTES + length + EntryFormat.CRC_BYTES > size) {
                throw new IOException("metadata length " + length + " in a file of " + size + " bytes");
            }
            ByteBuffer json = read(channel, EntryFormat.PREAMBLE_BYTES, length);
            EntryMetadata metadata = EntryFormat.JSON.readValue(json.array(), EntryMetadata.class);
            if (!key.equals(metadata.key())) {
                return Optional.empty();
            }
            PreprocessingRecord record = metadata.record();
            Geometry grid = record.result();
            checkLayout(metadata, grid, EntryFormat.PREAMBLE_BYTES + length, size);
            if (verify) {
                verifyChecksum(channel, size);
            }
            return Optional.of(map(channel, metadata, grid, record));
        }
    }

    private static CachedCase map(FileChannel channel, EntryMetadata metadata, Geometry grid,
            PreprocessingRecord record) throws IOException {
        Volume image = Volume.view(grid, metadata.channels(), map(channel, metadata.image()).asFloatBuffer());
        if (!metadata.hasLabels()) {
            return new CachedCase(image, Optional.empty(), Optional.empty(), record);
        }
        LabelVolume labels = LabelVolume.view(grid, metadata.labelType(), map(channel, metadata.labels()));
        IntBuffer locations = map(channel, metadata.foreground()).asIntBuffer();
        ForegroundLocations foreground = ForegroundLocations.view(ints(metadata.labelValues()),
                ints(metadata.labelCounts()), locations);
        return new CachedCase(image, Optional.of(labels), Optional.of(foreground), record);
    }

    /** Checks that the sections have the sizes the metadata implies, in order, aligned, and end at the checksum. */
    private static void checkLayout(EntryMetadata m, Geometry grid, long headerEnd, long size) throws IOException {
        long voxels = grid.voxelCount();
        long end = checkSection(m.image(), headerEnd, 4L * m.channels() * voxels);
        if (m.hasLabels()) {
            if (m.labelType() == null || m.labelValues() == null || m.labelCounts() == null
                    || m.labelValues().size() != m.labelCounts().size()) {
                throw new IOException("label metadata incomplete");
            }
            end = checkSection(m.labels(), end, (long) m.labelType().bytes() * voxels);
            end = checkSection(m.foreground(), end, 4L * m.labelCounts().stream().mapToLong(Integer::longValue).sum());
        }
        if (end + EntryFormat.CRC_BYTES != size) {
            throw new IOException("the sections end at " + end + ", the file has " + size + " bytes");
        }
    }

    private static long checkSection(EntryMetadata.Section section, long after, long expectedLength)
            throws IOException {
        if (section == null || section.offset() < after || section.offset() % EntryFormat.ALIGNMENT != 0
                || section.length() != expectedLength || expectedLength > Integer.MAX_VALUE) {
            throw new IOException("bad section " + section + " after byte " + after + " for " + expectedLength
                    + " bytes");
        }
        return section.end();
    }

    /** Compares the stored CRC32 with one computed over the mapped bytes before it, a window at a time. */
    private static void verifyChecksum(FileChannel channel, long size) throws IOException {
        long covered = size - EntryFormat.CRC_BYTES;
        CRC32 crc = new CRC32();
        for (long at = 0; at < covered; at += CRC_WINDOW) {
            crc.update(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(CRC_WINDOW, covered - at)));
        }
        long stored = read(channel, covered, EntryFormat.CRC_BYTES).getLong(0);
        if (stored != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
    }

    private static ByteBuffer map(FileChannel channel, EntryMetadata.Section section) throws IOException {
        if (section.length() == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, section.offset(), section.length())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ends before byte " + (position + length));
            }
        }
        return buffer;
    }
}
