package org.voxseg.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxseg.data.volume.Volume;

/**
 * Every datatype in both byte orders, a scaled gzip file with a header extension, and a big-endian 4-D NIfTI-2
 * file, all written by nibabel (resources/nifti/datatypes/make_fixtures.py), decode to nibabel's values.
 */
class NiftiDatatypeFixturesTest {

    static Stream<Named<JsonNode>> fixtures() {
        return Fixtures.expected("datatypes/expected.json").stream().map(e -> Named.of(e.get("file").asText(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesAsNibabel(JsonNode expected) throws IOException {
        NiftiReader.NiftiImage image = NiftiReader.read(Fixtures.file("datatypes/" + expected.get("file").asText()));
        NiftiHeader header = image.header();

        assertEquals(expected.get("datatype").asInt(), header.datatype().code());
        assertEquals(expected.get("byte_order").asText().equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                header.byteOrder());
        assertEquals(expected.get("vox_offset").asLong(), header.voxOffset());
        NiftiReaderFixturesTest.assertMatrix(expected.get("affine"), header.affine(), 1e-5);

        JsonNode values = expected.get("values");
        float[] want = new float[values.size()];
        for (int i = 0; i < want.length; i++) {
            want[i] = (float) values.get(i).asDouble();
        }
        Volume volume = image.volume();
        assertEquals(want.length, volume.channels() * volume.voxelsPerChannel());
        assertArrayEquals(want, volume.toArray());
    }
}
