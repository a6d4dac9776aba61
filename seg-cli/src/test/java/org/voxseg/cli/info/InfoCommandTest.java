package org.voxseg.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

class InfoCommandTest {

    /** seg-data's fixtures: real files, and what nibabel read from each. */
    private static final Path FIXTURES = Path.of("../seg-data/src/test/resources/nifti");

    @TempDir
    Path dir;

    @Test
    void jsonAgreesWithNibabelOnEveryFixtureKey() throws IOException {
        for (JsonNode expected : new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile())) {
            CommandRun run = CommandRun.of("info", "--json", FIXTURES.resolve(expected.get("file").asText())
                    .toString());
            assertEquals(0, run.exitCode(), run.err());
            JsonNode actual = new ObjectMapper().readTree(run.out());

            for (String key : new String[] {"nifti_version", "shape", "datatype", "byte_order", "qform_code",
                "sform_code", "nan_count"}) {
                assertEquals(expected.get(key), actual.get(key), key + " of " + expected.get("file"));
            }
            for (String key : new String[] {"pixdim", "finite_min", "finite_max", "finite_sum", "affine"}) {
                assertClose(expected.get(key), actual.get(key), 1e-3, key + " of " + expected.get("file"));
            }
            assertEquals(expected.get("sform").isNull(), actual.get("sform").isNull());
            assertEquals(expected.get("qform").isNull(), actual.get("qform").isNull());
        }
    }

    @Test
    void jsonReportsScalingOnlyWhenSet() throws IOException {
        JsonNode scaled = json(FIXTURES.resolve("functional.nii"));
        JsonNode plain = json(FIXTURES.resolve("anatomical.nii"));

        assertEquals(0.0754069686, scaled.get("scl_slope").asDouble(), 1e-9);
        assertEquals(3100.76171875, scaled.get("scl_inter").asDouble());
        assertTrue(plain.get("scl_slope").isNull() && plain.get("scl_inter").isNull());
    }

    @Test
    void jsonOfAFileWeWrote() throws IOException {
        Path file = dir.resolve("small.nii.gz");
        float[] values = {1, 2, 3, Float.NaN, 5, 6, 7, -8};
        Affine affine = Affine.fromRows(new double[] {0, 0, 3, -5}, new double[] {-2, 0, 0, 7},
                new double[] {0, 1, 0, 11});
        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(Geometry.of(new Extent(2, 2, 2), affine), 1,
                values), file);

        JsonNode info = json(file);

        assertEquals("[2,2,2]", info.get("shape").toString());
        assertEquals(16, info.get("datatype").asInt());
        assertEquals("<", info.get("byte_order").asText());
        assertEquals("[[0.0,0.0,3.0,-5.0],[-2.0,0.0,0.0,7.0],[0.0,1.0,0.0,11.0],[0.0,0.0,0.0,1.0]]",
                info.get("sform").toString());
        assertClose(info.get("sform"), info.get("qform"), 1e-6, "qform written to match the sform");
        assertEquals(1, info.get("nan_count").asInt());
        assertEquals(-8, info.get("finite_min").asDouble());
        assertEquals(7, info.get("finite_max").asDouble());
        assertEquals(16, info.get("finite_sum").asDouble());
    }

    @Test
    void textNamesTheFieldsPeopleLookFor() {
        CommandRun run = CommandRun.of("info", FIXTURES.resolve("example4d.nii.gz").toString());

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("shape        128 x 96 x 24 x 2"), run.out());
        assertTrue(run.out().contains("sform        code 1 (scanner) [-2 0 0 117.8551]"), run.out());
        assertTrue(run.out().contains("description  FSL3.3"), run.out());
    }

    @Test
    void badInputIsOneLineWithExitCodeOne() throws IOException {
        Path notNifti = dir.resolve("notes.nii");
        Files.writeString(notNifti, "not an image at all, just some text");

        CommandRun run = CommandRun.of("info", notNifti.toString());

        assertEquals(1, run.exitCode());
        // sizeof_hdr is the text's first four bytes, "not ", read as a little-endian int.
        assertEquals("voxseg: " + notNifti + ": not a NIfTI file: sizeof_hdr is 544501614, expected 348"
                + " (NIfTI-1) or 540 (NIfTI-2)", run.err().strip());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void missingFileIsNamed() {
        CommandRun run = CommandRun.of("info", dir.resolve("absent.nii.gz").toString());

        assertEquals(1, run.exitCode());
        assertEquals("voxseg: no such file or folder: " + dir.resolve("absent.nii.gz"), run.err().strip());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path notNifti = dir.resolve("notes.nii");
        Files.writeString(notNifti, "not an image at all, just some text");

        CommandRun run = CommandRun.of("info", "--verbose", notNifti.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat org.voxseg.data.nifti."), run.err());
    }

    private static JsonNode json(Path file) throws IOException {
        CommandRun run = CommandRun.of("info", "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertClose(JsonNode expected, JsonNode actual, double tolerance, String what) {
        if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), what);
            for (int i = 0; i < expected.size(); i++) {
                assertClose(expected.get(i), actual.get(i), tolerance, what);
            }
            return;
        }
        double scale = Math.max(1, Math.abs(expected.asDouble()));
        assertEquals(expected.asDouble(), actual.asDouble(), tolerance * scale, what);
    }

    @Test
    void aHeaderWithANotANumberIsShownNotACrash() throws IOException {
        Path file = dir.resolve("nan_inter.nii");
        Files.copy(FIXTURES.resolve("functional.nii"), file);
        byte[] bytes = Files.readAllBytes(file);
        // scl_inter, a float32 at byte 116 of a NIfTI-1 header, in the file's byte order.
        ByteBuffer header = ByteBuffer.wrap(bytes).order(bytes[0] == 92 ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN);
        header.putFloat(116, Float.NaN);
        Files.write(file, bytes);

        CommandRun run = CommandRun.of("info", file.toString());

        assertFalse(run.err().contains("Infinite or NaN"), run.err());
        assertTrue(run.exitCode() == 0 ? run.out().contains("NaN") : run.err().lines().count() == 1,
                run.out() + run.err());
    }
}
