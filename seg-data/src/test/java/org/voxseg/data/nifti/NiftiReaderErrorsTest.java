package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.SuppressForbidden;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/** Bad input fails with one line naming the file and the field at fault. */
class NiftiReaderErrorsTest {

    @TempDir
    Path dir;

    private byte[] valid;

    @BeforeEach
    void writeValidFile() throws IOException {
        Path file = dir.resolve("valid.nii");
        NiftiWriter.of(NiftiDataType.INT16)
                .write(Volume.wrap(Geometry.of(new Extent(4, 3, 2), Affine.identity()), 1, new float[24]), file);
        valid = Files.readAllBytes(file);
    }

    @Test
    void aFolderIsRefusedByNameNotAsIsADirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("case.nii.gz"));

        IOException refused = assertThrows(IOException.class, () -> NiftiReader.readHeader(folder));

        assertEquals(folder + ": is a folder; give a file", refused.getMessage());
    }

    @Test
    @SuppressForbidden("String#getBytes() on ASCII text gives the same bytes in every default charset")
    void randomBytesAreNotNifti() throws IOException {
        assertFails(Arrays.copyOf("this is a text file, not an image".getBytes(), 400), "bad.nii",
                "not a NIfTI file: sizeof_hdr");
    }

    @Test
    void wrongMagicIsNotNifti() throws IOException {
        assertFails(mutate(b -> b.put(344, (byte) 'x')), "magic.nii", "not a NIfTI file: magic is 'x+1'");
    }

    @Test
    void headerAndImagePairIsNamed() throws IOException {
        assertFails(mutate(b -> b.put(345, (byte) 'i')), "pair.hdr", ".hdr/.img pair");
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws IOException {
        assertFails(Arrays.copyOf(valid, valid.length - 10), "short.nii",
                "truncated data: 48 bytes of voxel data expected after vox_offset 352, 38 found");
    }

    @Test
    void truncatedGzipDataIsDetected() throws IOException {
        byte[] gz = gzip(valid);
        assertFails(Arrays.copyOf(gz, gz.length - 12), "short.nii.gz", "truncated data");
    }

    @Test
    void truncatedHeader() throws IOException {
        assertFails(Arrays.copyOf(valid, 200), "header.nii", "truncated header: 200 of 348 bytes");
    }

    @Test
    void negativeDimension() throws IOException {
        assertFails(mutate(b -> b.putShort(44, (short) -3)), "negative.nii", "dim[2] is -3, must be positive");
    }

    @Test
    void rankOutOfRange() throws IOException {
        assertFails(mutate(b -> b.putShort(40, (short) 9)), "rank.nii", "dim[0] is 9, must be 1 to 7");
    }

    @Test
    void sizeOverflow() throws IOException {
        assertFails(mutate(b -> {
            b.putShort(40, (short) 4);
            for (int d = 0; d < 4; d++) {
                b.putShort(42 + 2 * d, (short) 32000);
            }
        }), "huge.nii", "size overflow");
    }

    @Test
    void complexDatatypeIsUnsupported() throws IOException {
        assertFails(mutate(b -> b.putShort(70, (short) 32)), "complex.nii", "datatype complex64 (32) is not supported");
    }

    @Test
    void rgbDatatypeIsUnsupported() throws IOException {
        assertFails(mutate(b -> b.putShort(70, (short) 128)), "rgb.nii", "datatype rgb24 (128) is not supported");
    }

    @Test
    void voxOffsetInsideHeader() throws IOException {
        assertFails(mutate(b -> b.putFloat(108, 100)), "offset.nii", "vox_offset is 100.0");
    }

    @Test
    void nonFiniteSformWithCode() throws IOException {
        assertFails(mutate(b -> b.putFloat(284, Float.NaN)), "sform.nii", "srow_x holds a non-finite value");
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = gzip(valid);
        for (int i = 20; i < 40; i++) {
            gz[i] ^= 0x5A;
        }
        assertFails(gz, "corrupt.nii.gz", "");
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(new byte[0], "empty.nii", "not a NIfTI file: 0 bytes");
    }

    private byte[] mutate(Consumer<ByteBuffer> change) {
        byte[] copy = valid.clone();
        change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return copy;
    }

    private void assertFails(byte[] content, String name, String expectedText) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        NiftiFormatException error = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));
        String message = error.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), message);
        assertTrue(message.contains(expectedText), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
