package org.voxseg.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a JSON list of whole numbers into an immutable {@code List<Integer>} through Jackson's {@code int[]} reader,
 * so that a malformed list (1.5, null, "a") is refused with the same message as an {@code int[]} key.
 */
final class IntListDeserializer extends StdDeserializer<List<Integer>> {

    private static final long serialVersionUID = 1L;

    IntListDeserializer() {
        super(List.class);
    }

    @Override
    public List<Integer> deserialize(JsonParser in, DeserializationContext context) throws IOException {
        return Arrays.stream(context.readValue(in, int[].class)).boxed().toList();
    }
}
