package org.voxseg.data.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.sampling.ForegroundLocations;
import org.voxseg.data.transform.PreprocessingRecord;
import org.voxseg.data.volume.LabelType;
import org.voxseg.data.volume.LabelVolume;

/**
 * Writes a {@link CachedCase} in the {@link EntryFormat}, atomically (a temporary file renamed into place), so that a
 * failed or interrupted write never leaves a half-written entry. The checksum is computed while the bytes stream out.
 */
final class CacheEntryWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    private CacheEntryWriter() {
    }

    /**
     * Writes {@code entry}, built from inputs with key {@code key}, to {@code file}.
     *
     * @throws IOException if the file cannot be written, or a section is too large to be mapped (2 GiB)
     */
    static void write(Path file, String key, CachedCase entry) throws IOException {
        byte[] json = EntryFormat.JSON.writeValueAsBytes(metadata(key, entry));
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            OutputStream out = new CheckedOutputStream(new BufferedOutputStream(raw, CHUNK_BYTES), crc);
            out.write(EntryFormat.MAGIC);
            out.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(json.length).array());
            out.write(json);
            long position = EntryFormat.PREAMBLE_BYTES + json.length;
            position = padTo(out, position, EntryFormat.align(position));
            position += writeFloats(out, entry.image().data());
            if (entry.labels().isPresent()) {
                position = padTo(out, position, EntryFormat.align(position));
                position += writeBytes(out, entry.labels().get().data());
                position = padTo(out, position, EntryFormat.align(position));
                ForegroundLocations foreground = entry.foreground().orElseThrow();
                for (int n = 0; n < foreground.values().length; n++) {
                    position += writeInts(out, foreground.locations(n));
                }
            }
            out.flush();
            raw.write(ByteBuffer.allocate(EntryFormat.CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(crc.getValue()).array());
        });
    }

    /**
     * The metadata of {@code entry}, with section offsets that follow its own JSON: computed again until the JSON's
     * length (which the offsets' digits change) settles.
     */
    private static EntryMetadata metadata(String key, CachedCase entry) throws IOException {
        long imageBytes = 4L * entry.image().data().remaining();
        Optional<LabelVolume> labels = entry.labels();
        long labelBytes = labels.map(l -> (long) l.type().bytes() * l.voxels()).orElse(0L);
        int[] values = entry.foreground().map(ForegroundLocations::values).orElse(new int[0]);
        int[] counts = entry.foreground().map(ForegroundLocations::counts).orElse(new int[0]);
        long locationBytes = 4L * Arrays.stream(counts).asLongStream().sum();
        for (long bytes : new long[] {imageBytes, labelBytes, locationBytes}) {
            if (bytes > Integer.MAX_VALUE) {
                throw new IOException("a cache section of " + bytes + " bytes is too large to map (2 GiB at most)");
            }
        }
        PreprocessingRecord record = entry.record();
        LabelType type = labels.map(LabelVolume::type).orElse(null);
        int jsonLength = 0;
        while (true) {
            EntryMetadata.Section image = new EntryMetadata.Section(EntryFormat.align(EntryFormat.PREAMBLE_BYTES
                    + jsonLength), imageBytes);
            EntryMetadata.Section labelSection = null;
            EntryMetadata.Section foregroundSection = null;
            if (labels.isPresent()) {
                labelSection = new EntryMetadata.Section(EntryFormat.align(image.end()), labelBytes);
                foregroundSection = new EntryMetadata.Section(EntryFormat.align(labelSection.end()), locationBytes);
            }
            EntryMetadata metadata = new EntryMetadata(key, entry.image().channels(), labels.isPresent(),
                    EntryMetadata.GeometryData.of(record.original()),
                    record.steps().stream().map(EntryMetadata.StepData::of).toList(), type,
                    Arrays.stream(values).boxed().toList(), Arrays.stream(counts).boxed().toList(), image, labelSection,
                    foregroundSection);
            int length = EntryFormat.JSON.writeValueAsBytes(metadata).length;
            if (EntryFormat.align(EntryFormat.PREAMBLE_BYTES + length) == image.offset()) {
                return metadata;
            }
            jsonLength = length;
        }
    }

    private static long padTo(OutputStream out, long position, long target) throws IOException {
        out.write(new byte[Math.toIntExact(target - position)]);
        return target;
    }

    private static long writeFloats(OutputStream out, FloatBuffer values) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer view = chunk.asFloatBuffer();
        int total = values.remaining();
        for (int done = 0; done < total; done += view.capacity()) {
            int count = Math.min(view.capacity(), total - done);
            view.put(0, values, values.position() + done, count);
            out.write(chunk.array(), 0, 4 * count);
        }
        return 4L * total;
    }

    private static long writeInts(OutputStream out, IntBuffer values) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        IntBuffer view = chunk.asIntBuffer();
        int total = values.remaining();
        for (int done = 0; done < total; done += view.capacity()) {
            int count = Math.min(view.capacity(), total - done);
            view.put(0, values, values.position() + done, count);
            out.write(chunk.array(), 0, 4 * count);
        }
        return 4L * total;
    }

    private static long writeBytes(OutputStream out, ByteBuffer values) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        int total = values.remaining();
        for (int done = 0; done < total; done += CHUNK_BYTES) {
            int count = Math.min(CHUNK_BYTES, total - done);
            values.get(values.position() + done, chunk, 0, count);
            out.write(chunk, 0, count);
        }
        return total;
    }
}
