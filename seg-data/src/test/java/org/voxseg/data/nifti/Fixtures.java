package org.voxseg.data.nifti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Test resources: NIfTI files written by other software, and what nibabel read from each. */
final class Fixtures {

    private Fixtures() {
    }

    /** A file under src/test/resources/nifti. */
    static Path file(String relative) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/nifti/" + relative),
                    relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of an expected.json under src/test/resources/nifti. */
    static List<JsonNode> expected(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/nifti/" + relative)) {
            List<JsonNode> entries = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return m;
    }
}
