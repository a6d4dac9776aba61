package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.SuppressForbidden;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * Sizes are checked before the voxel array is allocated, and a gzip stream is read to its end so that its CRC32
 * and length trailer are verified.
 */
@SuppressForbidden("measures allocation with com.sun.management.ThreadMXBean (HotSpot and OpenJDK)")
class NiftiReaderLimitsTest {

    /** A refusal may allocate buffers and the header, never anything near the declared voxel array. */
    private static final long ALLOCATION_BOUND = 16L << 20;

    @TempDir
    Path dir;

    @Test
    void truncatedNiiIsRefusedBeforeTheArrayIsAllocated() throws IOException {
        byte[] header = NiftiHeaderEncoder.encodeNifti1(header(1000, 1000, 1000));
        Path file = dir.resolve("short.nii");
        Files.write(file, Arrays.copyOf(header, header.length + 1000));

        NiftiFormatException error = assertRefusedWithoutAllocation(file);

        assertTrue(error.getMessage().contains("truncated data: 4000000000 bytes of voxel data expected after"
                + " vox_offset 352, 1000 found"), error.getMessage());
        assertTrue(error.getMessage().contains("dims [1000, 1000, 1000] float32"), error.getMessage());
        assertTrue(error.getMessage().contains("the file holds 1352 bytes"), error.getMessage());
    }

    @Test
    void tinyGzipDeclaringABillionVoxelsFailsFast() throws IOException {
        Path file = dir.resolve("tiny.nii.gz");
        Files.write(file, gzip(NiftiHeaderEncoder.encodeNifti1(header(1000, 1000, 1000))));
        assertTrue(Files.size(file) < 1000, "a tiny file: " + Files.size(file));

        long start = System.nanoTime();
        NiftiFormatException error = assertRefusedWithoutAllocation(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(error.getMessage().contains("dims [1000, 1000, 1000] float32"), error.getMessage());
        assertTrue(error.getMessage().contains(Files.size(file) + "-byte gzip file"), error.getMessage());
        assertTrue(millis < 5000, "took " + millis + " ms");
    }

    @Test
    void gzipShorterThanDeclaredIsRefusedWhileReading() throws IOException {
        // Stored (uncompressed) blocks: the file is large enough to pass the compression bound, the stream is not.
        Path file = dir.resolve("short.nii.gz");
        byte[] header = NiftiHeaderEncoder.encodeNifti1(header(200, 200, 200));
        Files.write(file, gzip(Arrays.copyOf(header, header.length + 40_000), Deflater.NO_COMPRESSION));

        NiftiFormatException error = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));

        assertOneLineNaming(file, error);
        assertTrue(error.getMessage().contains("truncated data"), error.getMessage());
    }

    @Test
    void declaredShapeBeyondTheHeapIsRefusedNamingTheHeap() throws IOException {
        Path file = gzipDeclaring1290Cubed();
        long heap = 256L << 20;

        long before = allocatedBytes();
        NiftiFormatException error = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file, heap));
        long allocated = allocatedBytes() - before;

        assertOneLineNaming(file, error);
        assertTrue(allocated < ALLOCATION_BOUND, "allocated " + allocated + " bytes");
        assertTrue(error.getMessage().contains("dims [1290, 1290, 1290] float32"), error.getMessage());
        assertTrue(error.getMessage().contains("8.0 GiB"), error.getMessage());
        assertTrue(error.getMessage().contains("256 MiB maximum heap"), error.getMessage());
    }

    @Test
    void declaredShapeBeyondThisJvmsHeapIsRefused() throws IOException {
        long needed = 1290L * 1290 * 1290 * Float.BYTES;
        assumeTrue(Runtime.getRuntime().maxMemory() < needed, "the test JVM's heap holds 1290^3 floats");
        Path file = gzipDeclaring1290Cubed();

        NiftiFormatException error = assertRefusedWithoutAllocation(file);

        assertTrue(error.getMessage().contains("maximum heap (-Xmx)"), error.getMessage());
    }

    @Test
    void flippedCrcIsCorruptData() throws IOException {
        byte[] gz = writtenByVoxseg();
        gz[gz.length - 8] ^= 0x01;
        assertCorrupt(gz, "crc.nii.gz");
    }

    @Test
    void flippedLengthIsCorruptData() throws IOException {
        byte[] gz = writtenByVoxseg();
        gz[gz.length - 4] ^= 0x01;
        assertCorrupt(gz, "isize.nii.gz");
    }

    @Test
    void flippedCompressedByteIsNeverReadAsOtherData() throws IOException {
        byte[] valid = writtenByVoxseg();
        int refused = 0;
        for (int at = 20; at < valid.length - 8; at += 97) {
            byte[] gz = valid.clone();
            gz[at] ^= 0x10;
            Path file = dir.resolve("flip" + at + ".nii.gz");
            Files.write(file, gz);
            try {
                // A flip in the code lengths of an unused symbol changes nothing: the data must then be the same.
                assertArrayEquals(values(), NiftiReader.read(file).volume().toArray(), "byte " + at + " flipped");
            } catch (NiftiFormatException e) {
                assertOneLineNaming(file, e);
                refused++;
            }
        }
        assertTrue(refused > 10, refused + " flips refused");
    }

    @Test
    void flippedCrcIsCorruptDataForReadInto() throws IOException {
        byte[] gz = writtenByVoxseg();
        gz[gz.length - 8] ^= 0x01;
        Path file = dir.resolve("into.nii.gz");
        Files.write(file, gz);

        NiftiFormatException error = assertThrows(NiftiFormatException.class,
                () -> NiftiReader.readInto(file, new float[20 * 20 * 20], 0));

        assertOneLineNaming(file, error);
        assertTrue(error.getMessage().contains("corrupt gzip data"), error.getMessage());
    }

    @Test
    void validGzipStillReads() throws IOException {
        Path file = dir.resolve("valid.nii.gz");
        Files.write(file, writtenByVoxseg());
        assertArrayEquals(values(), NiftiReader.read(file).volume().toArray());
    }

    private void assertCorrupt(byte[] content, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        NiftiFormatException error = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));
        assertOneLineNaming(file, error);
        assertTrue(error.getMessage().contains("corrupt gzip data"), error.getMessage());
    }

    private static NiftiFormatException assertRefusedWithoutAllocation(Path file) {
        long before = allocatedBytes();
        NiftiFormatException error = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));
        long allocated = allocatedBytes() - before;
        assertOneLineNaming(file, error);
        assertTrue(allocated < ALLOCATION_BOUND, "allocated " + allocated + " bytes before refusing");
        return error;
    }

    private static void assertOneLineNaming(Path file, NiftiFormatException error) {
        String message = error.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /** A gzip file large enough (stored blocks) to pass the compression bound for 1290^3 float32 voxels. */
    private Path gzipDeclaring1290Cubed() throws IOException {
        Path file = dir.resolve("huge.nii.gz");
        try (OutputStream out = new StoredGzipOutputStream(Files.newOutputStream(file))) {
            out.write(NiftiHeaderEncoder.encodeNifti1(header(1290, 1290, 1290)));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 9; i++) {
                out.write(zeros);
            }
        }
        return file;
    }

    private byte[] writtenByVoxseg() throws IOException {
        Path file = dir.resolve("written.nii.gz");
        NiftiWriter.of(NiftiDataType.FLOAT32)
                .write(Volume.wrap(Geometry.of(new Extent(20, 20, 20), Affine.identity()), 1, values()), file);
        return Files.readAllBytes(file);
    }

    private static float[] values() {
        Random random = new Random(20);
        float[] values = new float[20 * 20 * 20];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(8);
        }
        return values;
    }

    private static NiftiHeader header(long... dims) {
        return NiftiHeader.builder().dims(dims).datatype(NiftiDataType.FLOAT32).build();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        return gzip(content, Deflater.DEFAULT_COMPRESSION);
    }

    private static byte[] gzip(byte[] content, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new LevelGzipOutputStream(out, level)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private static class LevelGzipOutputStream extends GZIPOutputStream {
        LevelGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }

    private static final class StoredGzipOutputStream extends LevelGzipOutputStream {
        StoredGzipOutputStream(OutputStream out) throws IOException {
            super(out, Deflater.NO_COMPRESSION);
        }
    }
}
