package org.voxseg.data.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.transform.Crop;
import org.voxseg.data.transform.GridStep;
import org.voxseg.data.transform.Pad;
import org.voxseg.data.transform.PreprocessingRecord;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.transform.Resample;
import org.voxseg.data.volume.Volume;

/**
 * The cache file format: magic, a JSON metadata block (key, channels, original geometry, grid steps), the image
 * and label voxels as little-endian float32, and a CRC32 of everything before it, so a torn or corrupt file is
 * detected and never trusted.
 */
final class CacheEntryCodec {

    private static final byte[] MAGIC = "VOXSEGC1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK_FLOATS = 1 << 16;
    private static final int MAX_METADATA_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CacheEntryCodec() {
    }

    /** A cache file's content that is not voxels. */
    record Metadata(String key, int channels, boolean hasLabels, GeometryData original, List<StepData> steps) {
    }

    /** A {@link Geometry}'s fields. */
    record GeometryData(int[] shape, double[] spacing, double[][] qform, int qformCode, double[][] sform,
            int sformCode, int xyztUnits) {

        static GeometryData of(Geometry g) {
            return new GeometryData(g.shape(), g.spacing(), rows(g.qform()), g.qformCode(), rows(g.sform()),
                    g.sformCode(), g.xyztUnits());
        }

        Geometry toGeometry() {
            return Geometry.builder().shape(shape).spacing(spacing)
                    .qform(Affine.fromRows(qform[0], qform[1], qform[2]), qformCode)
                    .sform(Affine.fromRows(sform[0], sform[1], sform[2]), sformCode)
                    .xyztUnits(xyztUnits).build();
        }

        private static double[][] rows(Affine a) {
            return new double[][] {a.row(0), a.row(1), a.row(2)};
        }
    }

    /** A {@link GridStep}: its type and its two int triples (crop start/size, pad before/after, resample shape). */
    record StepData(String type, int[] first, int[] second) {

        static StepData of(GridStep step) {
            if (step instanceof Crop c) {
                return new StepData("crop", c.start().toArray(), c.size().toArray());
            }
            if (step instanceof Pad p) {
                return new StepData("pad", p.before().toArray(), p.after().toArray());
            }
            Resample r = (Resample) step;
            return new StepData("resample", r.shape().toArray(), null);
        }

        GridStep toStep() throws IOException {
            return switch (type) {
                case "crop" -> new Crop(first, second);
                case "pad" -> new Pad(first, second);
                case "resample" -> new Resample(first);
                default -> throw new IOException("unknown grid step " + type);
            };
        }
    }

    static void write(Path file, String key, Preprocessor.Result result) throws IOException {
        PreprocessingRecord record = result.record();
        List<StepData> steps = record.steps().stream().map(StepData::of).toList();
        Metadata metadata = new Metadata(key, result.image().channels(), result.labels().isPresent(),
                GeometryData.of(record.original()), steps);
        byte[] json = JSON.writeValueAsBytes(metadata);
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16),
                    crc));
            out.write(MAGIC);
            out.writeInt(json.length);
            out.write(json);
            writeFloats(out, result.image().data());
            if (result.labels().isPresent()) {
                writeFloats(out, result.labels().get().data());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /**
     * The cached result in {@code file}, or empty if its key is not {@code key} (a stale entry).
     *
     * @throws IOException if the file is torn or corrupt (bad magic, metadata, length or checksum)
     */
    static Optional<Preprocessor.Result> read(Path file, String key) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (!Arrays.equals(MAGIC, in.readNBytes(MAGIC.length))) {
                throw new IOException("not a voxseg cache file");
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_METADATA_BYTES) {
                throw new IOException("metadata length " + length);
            }
            Metadata metadata = JSON.readValue(in.readNBytes(length), Metadata.class);
            if (!key.equals(metadata.key())) {
                return Optional.empty();
            }
            List<GridStep> steps = new ArrayList<>();
            for (StepData step : metadata.steps()) {
                steps.add(step.toStep());
            }
            PreprocessingRecord record = new PreprocessingRecord(metadata.original().toGeometry(), steps);
            Geometry grid = record.result();
            Volume image = Volume.wrap(grid, metadata.channels(), readFloats(in, metadata.channels()
                    * grid.voxelCount()));
            Optional<Volume> labels = Optional.empty();
            if (metadata.hasLabels()) {
                labels = Optional.of(Volume.wrap(grid, 1, readFloats(in, grid.voxelCount())));
            }
            long expected = crc.getValue();
            if (new DataInputStream(raw).readLong() != expected || raw.read() != -1) {
                throw new IOException("checksum or length mismatch");
            }
            return Optional.of(new Preprocessor.Result(image, labels, record));
        }
    }

    private static void writeFloats(OutputStream out, FloatBuffer values) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer view = chunk.asFloatBuffer();
        for (int done = 0; done < values.limit(); done += CHUNK_FLOATS) {
            int count = Math.min(CHUNK_FLOATS, values.limit() - done);
            view.clear();
            view.put(0, values, done, count);
            out.write(chunk.array(), 0, 4 * count);
        }
    }

    private static float[] readFloats(InputStream in, int count) throws IOException {
        float[] values = new float[count];
        byte[] bytes = new byte[4 * CHUNK_FLOATS];
        FloatBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int done = 0; done < count; done += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, count - done);
            if (in.readNBytes(bytes, 0, 4 * n) < 4 * n) {
                throw new IOException("truncated voxel data");
            }
            view.get(0, values, done, n);
        }
        return values;
    }
}
