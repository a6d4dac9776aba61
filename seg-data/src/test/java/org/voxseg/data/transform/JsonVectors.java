package org.voxseg.data.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.voxseg.data.geometry.Affine;

/** Reads the reference vectors that the transform tests' Python scripts write as JSON resources. */
final class JsonVectors {

    private JsonVectors() {
    }

    /** The JSON of the test resource {@code name}, e.g. {@code /transform/spacing_vectors.json}. */
    static JsonNode read(String name) throws IOException {
        try (InputStream in = JsonVectors.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    /** An affine from three rows of four numbers. */
    static Affine affine(JsonNode rows) {
        return Affine.fromRows(doubles(rows.get(0)), doubles(rows.get(1)), doubles(rows.get(2)));
    }
}
