package org.voxseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/**
 * {@code voxseg} in a JVM of 256 MB of heap, as a user with a small machine runs it: a tiny file that declares a huge
 * volume and a synthetic dataset too large for the heap both end in one line and exit code 1, never a stack trace.
 */
@Tag("slow")
class BoundedHeapTest {

    @TempDir
    Path dir;

    /** Runs voxseg in a fresh JVM with {@code -Xmx256m}; returns the exit code and what it printed. */
    private static CommandRun forked(String... args) throws IOException, InterruptedException {
        return ForkedRun.of(args);
    }

    @Test
    void aTinyFileDeclaringAHugeVolumeIsOneLineWithABoundedHeap() throws Exception {
        for (int n : new int[] {1000, 1290}) {
            Path file = dir.resolve("huge" + n + ".nii.gz");
            Path small = dir.resolve("small.nii.gz");
            NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(Geometry.of(new Extent(4, 4, 4),
                    Affine.identity()), 1, new float[64]), small);
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(small))) {
                bytes = in.readAllBytes();
            }
            // dim[1..3] of the NIfTI-1 header: little-endian int16 at bytes 42, 44, 46.
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(42, (short) n).putShort(44, (short) n)
                    .putShort(46, (short) n);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }

            CommandRun run = forked("info", file.toString());

            assertEquals(1, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("voxseg: " + file), run.err());
            assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        }
    }

    @Test
    void runningOutOfHeapIsOneLineNamingTheCommandAndTheHeap() throws Exception {
        Path out = dir.resolve("synthetic");

        CommandRun run = forked("synth", "--out", out.toString(), "--cases", "1", "--shape", "600,600,600");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("voxseg: out of memory with a heap of "), run.err());
        assertTrue(run.err().contains("while running 'voxseg synth --out " + out), run.err());
    }
}
