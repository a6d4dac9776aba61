package org.voxseg.core.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.voxseg.core.optim.OptimizerState;
import org.voxseg.data.io.AtomicFiles;

/**
 * Checkpoint files: a ZIP of {@code checkpoint.json} (position, best value, histories, schedule state, optimiser
 * step counts and buffer shapes, the loss scaler's state where there is one), {@code model.params} (DJL's parameter
 * format) and {@code optimizer.bin} (the optimiser's buffers as little-endian float32, in the order of the JSON),
 * written through a temporary file renamed into place: a run killed while writing leaves the previous checkpoint
 * intact.
 */
public final class CheckpointFile {

    /** Bumped when the layout changes; older files are refused with a message. */
    static final int FORMAT_VERSION = 1;
    private static final String METADATA = "checkpoint.json";
    private static final String PARAMETERS = "model.params";
    private static final String OPTIMIZER = "optimizer.bin";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Metadata of even a very long run is a few MB; more is not a voxseg checkpoint. */
    private static final long METADATA_LIMIT = 64L << 20;

    private CheckpointFile() {
    }

    /** The JSON part of a checkpoint. */
    record Metadata(int formatVersion, int epoch, long step, double bestMetric, int bestEpoch,
            Map<String, List<Double>> history, Map<String, Double> scheduleState, Map<String, Long> optimizerSteps,
            List<BufferShape> optimizerBuffers, Map<String, List<Long>> parameterShapes,
            LossScaler.State lossScaling) {
    }

    /** One optimiser buffer's name and shape, in storage order. */
    record BufferShape(String name, List<Long> shape) {
        BufferShape {
            shape = List.copyOf(shape);
        }
    }

    /** Writes {@code checkpoint} to {@code file} atomically. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        List<BufferShape> shapes = new ArrayList<>();
        checkpoint.optimizerState().buffers().forEach((name, buffer) -> shapes.add(new BufferShape(name,
                Arrays.stream(buffer.shape()).boxed().toList())));
        Metadata metadata = new Metadata(FORMAT_VERSION, checkpoint.epoch(), checkpoint.step(),
                checkpoint.bestMetric(), checkpoint.bestEpoch(), checkpoint.history(), checkpoint.scheduleState(),
                checkpoint.optimizerState().steps(), shapes, checkpoint.parameterShapes(),
                checkpoint.lossScaling().orElse(null));
        byte[] json = JSON.writeValueAsBytes(metadata);
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16));
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(json);
            zip.putNextEntry(new ZipEntry(PARAMETERS));
            zip.write(checkpoint.parameters());
            zip.putNextEntry(new ZipEntry(OPTIMIZER));
            DataOutputStream out = new DataOutputStream(zip);
            for (BufferShape shape : shapes) {
                float[] values = checkpoint.optimizerState().buffers().get(shape.name()).values();
                ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(values);
                out.write(bytes.array());
            }
            out.flush();
            zip.finish();
            zip.flush();
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IOException with a one-line message naming the file if it is missing, torn, corrupt or of another
     *     format version
     */
    public static Checkpoint read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            long budget = dataBudget();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!List.of(METADATA, PARAMETERS, OPTIMIZER).contains(name) || entries.containsKey(name)) {
                    throw new IOException(file + ": not a voxseg checkpoint (unexpected entry '" + name + "')");
                }
                byte[] bytes = readBounded(zip, name.equals(METADATA) ? METADATA_LIMIT : budget, file, name);
                budget -= bytes.length;
                entries.put(name, bytes);
            }
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": not a complete voxseg checkpoint (" + e.getMessage() + ")", e);
        }
        for (String name : new String[] {METADATA, PARAMETERS, OPTIMIZER}) {
            if (!entries.containsKey(name)) {
                throw new IOException(file + ": not a complete voxseg checkpoint (no " + name + ")");
            }
        }
        Metadata metadata;
        try {
            metadata = JSON.readValue(entries.get(METADATA), Metadata.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": unreadable checkpoint metadata: " + e.getOriginalMessage(), e);
        }
        if (metadata.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + ": checkpoint format " + metadata.formatVersion() + ", this voxseg reads "
                    + FORMAT_VERSION);
        }
        if (metadata.epoch() < 0 || metadata.step() < 0 || metadata.bestEpoch() < -1
                || metadata.bestEpoch() > metadata.epoch()) {
            throw new IOException(file + ": damaged checkpoint metadata (epoch " + metadata.epoch() + ", step "
                    + metadata.step() + ", best epoch " + metadata.bestEpoch() + ")");
        }
        return new Checkpoint(metadata.epoch(), metadata.step(), metadata.bestMetric(), metadata.bestEpoch(),
                metadata.history(), metadata.scheduleState(), optimizerState(file, metadata,
                entries.get(OPTIMIZER)), metadata.parameterShapes(), entries.get(PARAMETERS),
                Optional.ofNullable(metadata.lossScaling()));
    }

    /**
     * The weights and optimiser buffers may inflate to at most half the heap between them: a damaged or hostile
     * file (a ZIP whose entries inflate to gigabytes) is refused before it exhausts the heap.
     */
    private static long dataBudget() {
        return Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 2);
    }

    /** The rest of the current entry, refused once it grows beyond {@code limit} bytes. */
    private static byte[] readBounded(InputStream in, long limit, Path file, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if (out.size() + (long) n > limit) {
                throw new IOException(String.format(Locale.ROOT, "%s: %s inflates to more than %d MB; not a voxseg"
                        + " checkpoint, or damaged", file, name, limit >> 20));
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static OptimizerState optimizerState(Path file, Metadata metadata, byte[] bytes) throws IOException {
        Map<String, OptimizerState.SavedBuffer> buffers = new LinkedHashMap<>();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (BufferShape shape : metadata.optimizerBuffers()) {
            long count = 1;
            for (long n : shape.shape()) {
                count *= n;
            }
            if (data.remaining() < 4 * count) {
                throw new IOException(file + ": optimizer.bin is shorter than its buffers' shapes say");
            }
            float[] values = new float[(int) count];
            data.asFloatBuffer().get(values);
            data.position(data.position() + 4 * (int) count);
            buffers.put(shape.name(), new OptimizerState.SavedBuffer(shape.shape().stream().mapToLong(Long::longValue)
                    .toArray(), values));
        }
        return new OptimizerState(metadata.optimizerSteps(), buffers);
    }
}
