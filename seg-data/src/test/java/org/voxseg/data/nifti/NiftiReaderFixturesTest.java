package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.volume.IntensityStatistics;
import org.voxseg.data.volume.Volume;

/** Every real-world fixture (written by nibabel, MRIcron, FSL...) reads as nibabel 5.0 read it. */
class NiftiReaderFixturesTest {

    static Stream<Named<JsonNode>> fixtures() {
        return Fixtures.expected("expected.json").stream().map(e -> Named.of(e.get("file").asText(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void headerMatchesNibabel(JsonNode expected) throws IOException {
        NiftiHeader header = NiftiReader.readHeader(Fixtures.file(expected.get("file").asText()));

        assertEquals(expected.get("nifti_version").asInt(), header.version());
        assertEquals(expected.get("byte_order").asText().equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                header.byteOrder());
        assertEquals(expected.get("datatype").asInt(), header.datatype().code());
        long[] shape = new long[expected.get("shape").size()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = expected.get("shape").get(d).asLong();
            assertEquals((float) expected.get("pixdim").get(d).asDouble(), (float) header.pixdim()[d + 1]);
        }
        assertArrayEquals(shape, header.dims());
        assertEquals(expected.get("qform_code").asInt(), header.qformCode());
        assertEquals(expected.get("sform_code").asInt(), header.sformCode());
        if (header.sformCode() > 0) {
            assertMatrix(expected.get("sform"), header.sform(), 1e-5);
        }
        if (header.qformCode() > 0) {
            assertMatrix(expected.get("qform"), header.qform(), 1e-3);
        }
        assertMatrix(expected.get("affine"), header.affine(), header.sformCode() > 0 ? 1e-5 : 1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void voxelsMatchNibabel(JsonNode expected) throws IOException {
        Volume volume = NiftiReader.read(Fixtures.file(expected.get("file").asText())).volume();

        for (JsonNode sample : expected.get("samples")) {
            JsonNode index = sample.get("index");
            int channel = index.size() > 3 ? index.get(3).asInt() : 0;
            float actual = volume.get(channel, index.get(0).asInt(), index.get(1).asInt(), index.get(2).asInt());
            if (sample.get("value").isNull()) {
                assertTrue(Float.isNaN(actual), "NaN expected at " + index);
            } else {
                assertEquals((float) sample.get("value").asDouble(), actual, "voxel " + index);
            }
        }
        IntensityStatistics stats = IntensityStatistics.of(volume);
        assertEquals(expected.get("nan_count").asLong(), stats.nanCount());
        assertEquals((float) expected.get("finite_min").asDouble(), (float) stats.finiteMin());
        assertEquals((float) expected.get("finite_max").asDouble(), (float) stats.finiteMax());
        double sum = expected.get("finite_sum").asDouble();
        assertEquals(sum, stats.finiteSum(), Math.abs(sum) * 1e-6);
    }

    /**
     * nibabel's loaded header reports no scaling for functional.nii because nibabel moves scl_slope/scl_inter into
     * its data proxy; the file itself is scaled, which the values above (non-integer from int16) already prove.
     */
    @Test
    void functionalFixtureIsScaled() throws IOException {
        NiftiHeader header = NiftiReader.readHeader(Fixtures.file("functional.nii"));

        assertTrue(header.hasScaling());
        assertEquals(0.0754069686f, (float) header.scaleSlope(), 1e-9);
        assertEquals(3100.76171875f, (float) header.scaleIntercept());
    }

    static void assertMatrix(JsonNode expectedRows, Affine actual, double tolerance) {
        double[][] expected = Fixtures.matrix(expectedRows);
        double[][] rows = actual.toRows();
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], rows[r], tolerance, "row " + r + " of " + actual);
        }
    }
}
