package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxseg.data.SuppressForbidden;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.volume.Volume;

/** What the writer writes, the reader reads back: values, geometry and header fields. */
class NiftiRoundTripTest {

    @TempDir
    Path dir;

    /** An oblique, left-handed affine (qfac -1) with anisotropic voxels. */
    static final Affine OBLIQUE = Affine.fromRows(
            new double[] {-2.0, 0.0, 0.0, 117.855103},
            new double[] {0.0, 1.973711, -0.355528, -35.722942},
            new double[] {0.0, 0.323208, 2.171082, -7.248798});

    static Stream<Arguments> datatypesAndOrders() {
        return Stream.of(NiftiDataType.values()).flatMap(type -> Stream.of(
                Arguments.of(type, ByteOrder.LITTLE_ENDIAN, "nii"),
                Arguments.of(type, ByteOrder.BIG_ENDIAN, "nii.gz")));
    }

    @ParameterizedTest(name = "{0} {1} .{2}")
    @MethodSource("datatypesAndOrders")
    void everyDatatypeAndByteOrderRoundTrips(NiftiDataType type, ByteOrder order, String extension)
            throws IOException {
        Volume volume = Volume.wrap(Geometry.of(new Extent(5, 4, 3), OBLIQUE), 2, valuesFor(type, 2 * 60));
        Path file = dir.resolve("volume." + extension);

        NiftiWriter.of(type).withByteOrder(order).write(volume, file);
        NiftiReader.NiftiImage back = NiftiReader.read(file);

        assertEquals(type, back.header().datatype());
        assertEquals(order, back.header().byteOrder());
        assertArrayEquals(new long[] {5, 4, 3, 2}, back.header().dims());
        assertEquals(2, back.volume().channels());
        assertArrayEquals(volume.toArray(), back.volume().toArray());
    }

    /** Values that exercise each type's range: extremes, negatives where allowed, and uint16 above 32767. */
    private static float[] valuesFor(NiftiDataType type, int n) {
        float[] values = new float[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            values[i] = switch (type) {
                case UINT8 -> random.nextInt(256);
                case INT8 -> random.nextInt(256) - 128;
                case INT16 -> random.nextInt(65536) - 32768;
                case UINT16 -> 32768 + random.nextInt(32768);
                case INT32, INT64 -> random.nextInt();
                case UINT32 -> (float) (random.nextInt() & 0xFFFFFFFFL);
                case UINT64 -> (float) (random.nextLong() >>> 1) * 2f;
                case FLOAT32, FLOAT64 -> (float) random.nextGaussian() * 1000;
            };
        }
        values[0] = type == NiftiDataType.FLOAT32 || type == NiftiDataType.FLOAT64 ? Float.NaN : values[0];
        return values;
    }

    @Test
    void geometryAndCodesSurviveWriting() throws IOException {
        Geometry original = NiftiReader.readHeader(Fixtures.file("example4d.nii.gz")).geometry();
        Volume volume = Volume.wrap(original, 1, new float[original.voxelCount()]);
        Path file = dir.resolve("labels.nii.gz");

        NiftiWriter.of(NiftiDataType.UINT8).write(volume, file);
        NiftiHeader written = NiftiReader.readHeader(file);

        assertEquals(original.qformCode(), written.qformCode());
        assertEquals(original.sformCode(), written.sformCode());
        assertTrue(written.geometry().affine().maxAbsDifference(original.affine()) < 1e-5);
        assertTrue(written.qform().maxAbsDifference(original.qform()) < 1e-4, "qform " + written.qform());
        assertTrue(written.sform().maxAbsDifference(written.qform()) < 1e-4, "sform and qform agree");
        assertEquals(-1, written.qfac());
        assertArrayEquals(original.spacing().toArray(), written.geometry().spacing().toArray(), 1e-6);
        assertEquals(original.xyztUnits(), written.xyztUnits());
        assertEquals(NiftiHeaderCodec.NIFTI1_DATA_OFFSET, written.voxOffset());
        assertTrue(written.description().startsWith("voxseg"));
    }

    @Test
    void qformOnlyGeometryKeepsItsCodes() throws IOException {
        Geometry qformOnly = Geometry.builder().shape(new Extent(4, 4, 4)).spacing(new Spacing(2, 2, 2.2))
                .qform(NiftiReader.readHeader(Fixtures.file("example4d.nii.gz")).qform(), 1).build();
        Path file = dir.resolve("qform.nii");

        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(qformOnly, 1, new float[64]), file);
        NiftiHeader written = NiftiReader.readHeader(file);

        assertEquals(1, written.qformCode());
        assertEquals(0, written.sformCode());
        assertTrue(written.affine().maxAbsDifference(qformOnly.affine()) < 1e-4);
    }

    @Test
    void valuesOutsideTheDatatypeAreRefusedAndNothingIsWritten() throws IOException {
        Path file = dir.resolve("labels.nii.gz");
        Files.writeString(file, "previous good file");
        Volume volume = Volume.wrap(Geometry.of(new Extent(2, 2, 2), Affine.identity()), 1,
                new float[] {0, 1, 2, 300, 4, 5, 6, 7});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NiftiWriter.of(NiftiDataType.UINT8).write(volume, file));

        assertTrue(error.getMessage().contains("300.0 at voxel index 3"), error.getMessage());
        assertEquals("previous good file", Files.readString(file));
        assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file is left behind");
    }

    @Test
    void integerTypesRoundToNearest() throws IOException {
        Path file = dir.resolve("rounded.nii");
        Volume volume = Volume.wrap(Geometry.of(new Extent(4, 1, 1), Affine.identity()), 1,
                new float[] {0.4f, 0.6f, -1.5f, 2.5f});

        NiftiWriter.of(NiftiDataType.INT16).write(volume, file);

        assertArrayEquals(new float[] {0, 1, -2, 2}, NiftiReader.read(file).volume().toArray());
    }

    @Test
    @SuppressForbidden("measures allocation with com.sun.management.ThreadMXBean (HotSpot and OpenJDK)")
    void channelsStreamIntoOneArrayWithoutFurtherCopies() throws IOException {
        Geometry geometry = Geometry.of(new Extent(128, 128, 64), OBLIQUE);
        int voxels = geometry.voxelCount();
        Path[] files = new Path[2];
        for (int c = 0; c < files.length; c++) {
            float[] values = new float[voxels];
            java.util.Arrays.fill(values, c + 1);
            files[c] = dir.resolve("channel" + c + ".nii.gz");
            NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(geometry, 1, values), files[c]);
        }
        float[] both = new float[2 * voxels];
        NiftiReader.readInto(files[0], both, 0);

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        NiftiReader.readInto(files[1], both, voxels);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(1f, both[voxels - 1]);
        assertEquals(2f, both[voxels]);
        assertTrue(allocated < 1_000_000, "reading a 4 MB channel allocated " + allocated + " bytes");
    }
}
